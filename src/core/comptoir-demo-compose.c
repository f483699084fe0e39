/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-demo"

#include "config.h"

#include <string.h>

#include "comptoir-demo-private.h"
#include "comptoir-member-record.h"
#include "comptoir-settings.h"
#include "comptoir-shift.h"

/* How the demo shop names and prices a product, apart from where the
 * products go (comptoir-demo.c). Every draw from the generator here is
 * part of what a seed means: drawing more, fewer or in another order
 * changes the shop that every seed gives. */

/* ------------------------------------------------------------------ */
/* A small deterministic generator (splitmix64): same seed, same shop, on
 * every machine, whatever GLib's g_random does. */

guint64
_comptoir_demo_mix64 (guint64 z)
{
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
_comptoir_demo_rng_init (DemoRng *rng,
                         guint64  seed,
                         guint64  stream)
{
  rng->state = _comptoir_demo_mix64 (seed ^ stream);
}

static guint64
rng_next (DemoRng *rng)
{
  rng->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  return _comptoir_demo_mix64 (rng->state);
}

/* Uniform in [0, bound), without modulo bias. */
guint
_comptoir_demo_rng_below (DemoRng *rng,
                          guint    bound)
{
  guint64 threshold;
  guint64 x;

  if (bound <= 1)
    return 0;

  threshold = (0 - (guint64) bound) % bound;  /* 2^64 mod bound */
  do
    x = rng_next (rng);
  while (x < threshold);

  return (guint) (x % bound);
}

gboolean
_comptoir_demo_rng_percent (DemoRng *rng,
                            guint    percent)
{
  return _comptoir_demo_rng_below (rng, 100) < percent;
}

/* ------------------------------------------------------------------ */
/* "|"-separated lists of alternatives; an empty alternative means
 * "nothing here", and repeating one makes it more likely. */

guint
_comptoir_demo_count_fields (const char *list)
{
  guint n = 1;

  if (list == NULL)
    return 0;
  for (const char *p = list; *p != '\0'; p++)
    if (*p == '|')
      n++;
  return n;
}

static Field
nth_field (const char *list,
           guint       pos)
{
  Field field = { "", 0 };
  const char *end;

  if (list == NULL)
    return field;

  for (; pos > 0; pos--)
    {
      const char *bar = strchr (list, '|');
      g_assert (bar != NULL);
      list = bar + 1;
    }

  end = strchr (list, '|');
  field.text = list;
  field.len = end != NULL ? (gsize) (end - list) : strlen (list);
  return field;
}

static Field
pick_field (DemoRng    *rng,
            const char *list,
            guint      *out_pos)
{
  guint pos = list != NULL ? _comptoir_demo_rng_below (rng, _comptoir_demo_count_fields (list)) : 0;

  if (out_pos != NULL)
    *out_pos = pos;
  return nth_field (list, pos);
}

static void
append_field (GString *out,
              Field    field)
{
  if (field.len == 0)
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append_len (out, field.text, field.len);
}

static void
append_word (GString    *out,
             const char *word)
{
  Field field = { word, strlen (word) };

  append_field (out, field);
}

/* ------------------------------------------------------------------ */
/* Sizes and names. */

/* "500 g", "6 x 33 cl", "1,5 L", "filet de 2 kg", "x 12", "4 tranches":
 * the amount in thousandths of a gram, millilitre or piece, and which of
 * those it is (0 when it cannot be read). */
typedef struct {
  char    dimension;
  guint64 amount;
} Quantity;

static Quantity
parse_quantity (Field size)
{
  g_autofree char *text = g_strndup (size.text, size.len);
  Quantity quantity = { 0, 0 };
  const char *p = text;
  guint64 multiplier = 1;
  guint64 value = 0;
  gboolean count = FALSE;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    {
      if (*p == 'x' && p[1] == ' ')
        count = TRUE;
      p++;
    }
  if (*p == '\0')
    return quantity;

  for (;;)
    {
      value = 0;
      while (g_ascii_isdigit (*p))
        value = value * 10 + (guint64) (*p++ - '0');
      value *= 1000;
      if (*p == ',' && g_ascii_isdigit (p[1]))
        {
          guint64 scale = 100;

          for (p++; g_ascii_isdigit (*p); p++, scale /= 10)
            value += (guint64) (*p - '0') * scale;
        }
      if (g_str_has_prefix (p, " x ") && g_ascii_isdigit (p[3]))
        {
          multiplier *= value / 1000;
          p += 3;
          continue;
        }
      break;
    }
  while (*p == ' ')
    p++;

  if (count)
    quantity.dimension = 'c';
  else if (g_str_equal (p, "g"))
    quantity.dimension = 'm';
  else if (g_str_equal (p, "kg"))
    quantity.dimension = 'm', value *= 1000;
  else if (g_str_equal (p, "ml"))
    quantity.dimension = 'v';
  else if (g_str_equal (p, "cl"))
    quantity.dimension = 'v', value *= 10;
  else if (g_str_equal (p, "L"))
    quantity.dimension = 'v', value *= 1000;
  else
    quantity.dimension = *p != '\0' ? *p : 'c';  /* "4 tranches", "20 sachets" */

  quantity.amount = multiplier * value;
  return quantity;
}

/* Price of a size, in percent of the first one's. */
static guint
size_factor (const char *sizes,
             guint       pos,
             Field       size)
{
  const char *equals = memchr (size.text, '=', size.len);
  Field first = nth_field (sizes, 0);
  const char *first_equals = memchr (first.text, '=', first.len);
  Quantity q, q0;

  if (equals != NULL)
    return (guint) g_ascii_strtoull (equals + 1, NULL, 10);
  if (pos == 0)
    return 100;

  if (first_equals != NULL)
    first.len = first_equals - first.text;
  q = parse_quantity (size);
  q0 = parse_quantity (first);
  if (q.dimension == 0 || q.dimension != q0.dimension || q0.amount == 0)
    return 100 + 60 * pos;

  /* 90 % proportional, 10 % fixed (the pack, the shelf). */
  return (guint) MAX (10 + 90 * q.amount / q0.amount, 20);
}

static const char *
place_from (Field origin,
            char  buffer[64])
{
  for (guint i = 0; i < comptoir_demo_n_places; i++)
    {
      const Place *place = &comptoir_demo_places[i];

      if (strlen (place->name) == origin.len && strncmp (place->name, origin.text, origin.len) == 0)
        return place->from;
    }

  g_snprintf (buffer, 64, "de %.*s", (int) origin.len, origin.text);
  return buffer;
}

void
_comptoir_demo_compose_name (DemoRng       *rng,
                             const Section *section,
                             const Item    *item,
                             gboolean       organic,
                             GString       *name,
                             NameParts     *parts)
{
  const char *origins = item->origins != NULL ? item->origins : section->origins;
  const char *brands = item->brands != NULL ? item->brands : section->brands;

  g_string_truncate (name, 0);
  parts->brand = (Field) { "", 0 };
  parts->origin = pick_field (rng, origins, NULL);
  parts->factor = 100;

  parts->noun = pick_field (rng, item->nouns, NULL);
  append_field (name, parts->noun);
  append_field (name, pick_field (rng, item->varieties, NULL));
  append_field (name, pick_field (rng, item->qualifiers, NULL));
  append_field (name, pick_field (rng, item->extras, NULL));
  if (organic)
    append_word (name, "bio");

  if (brands != NULL && _comptoir_demo_rng_percent (rng, section->brand_percent))
    {
      parts->brand = pick_field (rng, brands, NULL);
      append_field (name, parts->brand);
    }

  if ((section->flags & SECTION_ORIGIN_IN_NAME) && parts->origin.len > 0
      && _comptoir_demo_rng_percent (rng, 60))
    {
      char buffer[64];

      append_word (name, place_from (parts->origin, buffer));
    }

  if (section->flags & SECTION_ISSUE_NUMBER)
    g_string_append_printf (name, " n° %u", 1 + _comptoir_demo_rng_below (rng, 999));

  if (item->sizes != NULL)
    {
      guint pos;
      Field size = pick_field (rng, item->sizes, &pos);
      const char *equals = memchr (size.text, '=', size.len);

      parts->factor = size_factor (item->sizes, pos, size);
      if (equals != NULL)
        size.len = equals - size.text;
      append_field (name, size);
    }

  if (section->suffix != NULL)
    append_word (name, section->suffix);
}

/* ------------------------------------------------------------------ */
/* Prices. */

/* Rounded as shops price things: to 5 cents, often just under a round
 * figure (2,99 € rather than 3,00 €). */
gint64
_comptoir_demo_make_price (DemoRng    *rng,
                           const Item *item,
                           guint       factor,
                           gboolean    organic)
{
  gint64 cents = item->min_cents + _comptoir_demo_rng_below (rng, item->max_cents - item->min_cents + 1);

  cents = cents * factor / 100;
  if (organic)
    cents = cents * 115 / 100;
  cents = MAX ((cents + 2) / 5 * 5, 5);
  if (cents % 10 == 0 && _comptoir_demo_rng_percent (rng, 40)
      && (cents - 1) * 100 >= (gint64) item->min_cents * factor)
    cents -= 1;
  return cents;
}

/* ------------------------------------------------------------------ */
/* Members' records. */

#define STREAM_RECORDS G_GUINT64_CONSTANT (0x7265636f72647321)

/* The demo shop's "today" is 2025-06-30 (comptoir-demo.c): its members
 * were born between 1950 and 2005. */
void
_comptoir_demo_compose_member_record (guint64           seed,
                                      guint             number,
                                      DemoMemberRecord *out)
{
  DemoRng rng;
  static const char *methods[] = { "cheque", "cheque", "transfer", "cash" };

  _comptoir_demo_rng_init (&rng, _comptoir_demo_mix64 (seed ^ number), STREAM_RECORDS);
  memset (out, 0, sizeof *out);

  /* Two in three gave their birth date. */
  if (_comptoir_demo_rng_percent (&rng, 65))
    {
      guint year = 1950 + _comptoir_demo_rng_below (&rng, 56);
      guint month = 1 + _comptoir_demo_rng_below (&rng, 12);
      guint day = 1 + _comptoir_demo_rng_below (&rng, 28);

      g_snprintf (out->birth_date, sizeof out->birth_date, "%04u-%02u-%02u", year, month, day);
    }

  /* One in eight shops with a partner on the account. */
  out->household_first = G_MAXUINT;
  if (_comptoir_demo_rng_percent (&rng, 12))
    out->household_first = _comptoir_demo_rng_below (&rng, comptoir_demo_n_first_names);

  /* Most subscribe the one share the statutes ask, some more; one in
   * ten pays in instalments and still owes a share. */
  out->n_shares = 1 + (_comptoir_demo_rng_percent (&rng, 30) ? 1 + _comptoir_demo_rng_below (&rng, 2) : 0);
  out->n_paid = _comptoir_demo_rng_percent (&rng, 10) ? out->n_shares - 1 : out->n_shares;
  out->method = methods[_comptoir_demo_rng_below (&rng, G_N_ELEMENTS (methods))];
}

gboolean
_comptoir_demo_write_member_record (ComptoirDb             *db,
                                    const char             *member_id,
                                    const char             *last_name,
                                    const char             *join_date,
                                    const DemoMemberRecord *record,
                                    GError                **error)
{
  ComptoirDay joined = comptoir_day_from_iso (join_date);
  gint64 value = comptoir_settings_get_int (db, COMPTOIR_SETTING_SHARE_VALUE);

  if (record->household_first != G_MAXUINT)
    {
      g_autofree char *person =
        comptoir_member_household_add (db, member_id, comptoir_demo_first_names[record->household_first],
                                       last_name, COMPTOIR_DAY_NONE, error);

      if (person == NULL)
        return FALSE;
    }
  if (!comptoir_member_shares_subscribe (db, member_id, record->n_shares, joined, error))
    return FALSE;
  return record->n_paid == 0 ||
         comptoir_member_shares_pay (db, member_id, value * record->n_paid, record->method, joined, error);
}

/* ------------------------------------------------------------------ */
/* The shift planning. */

/* Each three-hour block of the day has two shifts: who opens receives
 * and fills the shelves, the tills run from 9:00, the evening cleans. */
static const struct {
  guint            start;
  ComptoirShiftJob jobs[2];
  guint            capacities[2];
} demo_blocks[] = {
  { 6 * 60, { COMPTOIR_SHIFT_JOB_RECEIVING, COMPTOIR_SHIFT_JOB_SHELVING }, { 3, 2 } },
  { 9 * 60, { COMPTOIR_SHIFT_JOB_CASHIER, COMPTOIR_SHIFT_JOB_SHELVING }, { 2, 3 } },
  { 12 * 60, { COMPTOIR_SHIFT_JOB_CASHIER, COMPTOIR_SHIFT_JOB_RECEIVING }, { 2, 2 } },
  { 15 * 60, { COMPTOIR_SHIFT_JOB_CASHIER, COMPTOIR_SHIFT_JOB_SHELVING }, { 3, 2 } },
  { 18 * 60, { COMPTOIR_SHIFT_JOB_CASHIER, COMPTOIR_SHIFT_JOB_CLEANING }, { 2, 4 } },
};

typedef struct {
  char             *id;
  ComptoirShiftJob  job;
  guint             capacity;
  guint             n_squad;
} DemoTemplate;

static void
demo_template_clear (gpointer data)
{
  g_free (((DemoTemplate *) data)->id);
}

/* The week began before the demo did: its shifts already over were
 * worked (everyone came), so that nobody is marked absent for a shop
 * that did not exist yet. */
static gboolean
check_in_past_slots (ComptoirDb   *db,
                     ComptoirDay   monday,
                     GError      **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GArray) slots = NULL;
  ComptoirDay today = comptoir_day_today ();
  guint now_minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  if (!comptoir_shift_list_slots (db, monday, today, &slots, error))
    return FALSE;
  for (guint i = 0; i < slots->len; i++)
    {
      const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);
      g_autoptr (GDateTime) start = NULL;
      GDate date;

      if (slot->day == today && slot->end_minute > now_minute)
        continue;
      g_date_clear (&date, 1);
      g_date_set_julian (&date, slot->day);
      start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                     slot->start_minute / 60, slot->start_minute % 60, 0);
      for (guint j = 0; j < slot->seats->len; j++)
        {
          g_autofree char *checked = comptoir_shift_check_in (db, g_array_index (slot->seats, ComptoirShiftSeat, j).member_id,
                                                              slot->id, NULL, start, error);
          if (checked == NULL)
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
_comptoir_demo_write_shifts (ComptoirDb   *db,
                             ComptoirDay   today,
                             GError      **error)
{
  g_autoptr (GArray) templates = g_array_new (FALSE, TRUE, sizeof (DemoTemplate));
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (ComptoirStmt) stmt = NULL;
  ComptoirStatusRules rules;
  ComptoirDay monday;
  GDate date;
  guint next = 0;
  int rc;

  g_array_set_clear_func (templates, demo_template_clear);
  if (!comptoir_settings_load_status_rules (db, &rules, error))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, today);
  monday = today - (g_date_get_weekday (&date) - 1);

  if (!comptoir_db_begin (db, error))
    return FALSE;
  for (guint week = 0; week < (rules.cycle_days + 6) / 7; week++)
    for (guint weekday = 1; weekday <= 6; weekday++)
      for (guint b = 0; b < G_N_ELEMENTS (demo_blocks); b++)
        for (guint j = 0; j < 2; j++)
          {
            ComptoirShiftTemplate t = { 0 };
            DemoTemplate made = { 0 };

            t.week_index = week;
            t.weekday = weekday;
            t.start_minute = demo_blocks[b].start;
            t.end_minute = demo_blocks[b].start + 3 * 60;
            t.job = demo_blocks[b].jobs[j];
            t.capacity = demo_blocks[b].capacities[j];
            t.required_role = t.job == COMPTOIR_SHIFT_JOB_CASHIER ? (char *) "cashier" : NULL;
            t.active = TRUE;
            if (!(made.id = comptoir_shift_template_save (db, &t, error)))
              goto fail;
            made.job = t.job;
            made.capacity = t.capacity;
            g_array_append_val (templates, made);
          }

  /* Nine members in ten are in a squad, spread over the cycle so that
   * every shift has someone before any has a second; the tenth fly. */
  stmt = comptoir_db_prepare (db, "SELECT id FROM member WHERE left_on IS NULL AND participation = 'standard' "
                              "AND number % 10 <> 0 ORDER BY number", error);
  if (stmt == NULL)
    goto fail;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (members, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      goto fail;
    }
  g_clear_pointer (&stmt, comptoir_stmt_release);

  for (guint m = 0; m < members->len; m++)
    {
      const char *member_id = g_ptr_array_index (members, m);
      DemoTemplate *t = NULL;

      for (guint tried = 0; tried < templates->len && t == NULL; tried++, next = (next + 1) % templates->len)
        if (g_array_index (templates, DemoTemplate, next).n_squad < g_array_index (templates, DemoTemplate, next).capacity)
          t = &g_array_index (templates, DemoTemplate, next);
      if (t == NULL)
        break;
      next = (next + 1) % templates->len;
      if ((t->job == COMPTOIR_SHIFT_JOB_CASHIER || m % 7 == 0) &&
          !comptoir_member_role_grant (db, member_id, "cashier", error))
        goto fail;
      if (!comptoir_shift_squad_join (db, t->id, member_id, monday, error))
        goto fail;
      t->n_squad++;
    }

  if (!comptoir_shift_generate (db, monday, 4, NULL, NULL, error) ||
      !check_in_past_slots (db, monday, error))
    goto fail;
  return comptoir_db_commit (db, error);

fail:
  comptoir_db_rollback (db);
  return FALSE;
}
