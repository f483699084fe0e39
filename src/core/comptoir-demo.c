/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "comptoir-barcode.h"
#include "comptoir-catalog.h"
#include "comptoir-change.h"
#include "comptoir-demo.h"
#include "comptoir-member.h"
#include "comptoir-member-ledger.h"
#include "comptoir-demo-private.h"
#include "comptoir-settings.h"
#include "comptoir-staff.h"
#include "comptoir-text.h"

/* Each batch is one transaction: the database never holds half of one. */
#define BATCH_SIZE          2000
#define MAX_NAME_CHARS      120
#define NAME_ATTEMPTS       12
#define BARCODE_ATTEMPTS    64

/* How many quick buttons the till's grid has in a category sold without
 * barcodes (fruit and vegetables, bulk, cheese at the counter). */
#define QUICK_MIN           8
#define QUICK_MAX           15

/* The demo shop's "today": join dates are counted back from it, not
 * from the clock, so that a seed always gives the same members. */
#define BASE_YEAR           2025
#define BASE_MONTH          G_DATE_JUNE
#define BASE_DAY            30
#define MEMBERSHIP_DAYS     (5 * 365)

/* Streams of the generator, so that the members of a seed do not depend
 * on how many products were asked for. */
#define STREAM_PRODUCTS     G_GUINT64_CONSTANT (0x70726f6475637473)
#define STREAM_MEMBERS      G_GUINT64_CONSTANT (0x6d656d6265727321)
#define STREAM_BRANDS       G_GUINT64_CONSTANT (0x6272616e64732121)
#define STREAM_QUICK        G_GUINT64_CONSTANT (0x717569636b212121)

/* FNV-1a, for values that must follow from a name (a brand's GS1
 * company prefix) rather than from the order things were made in. */
static guint64
hash_text (const char *text,
           gsize       len)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < len; i++)
    {
      h ^= (guchar) text[i];
      h *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return h;
}

/* ------------------------------------------------------------------ */

typedef struct {
  ComptoirDb      *db;
  ComptoirCatalog *catalog;
  guint64          seed;
  DemoRng          rng;
  char            *category_ids[N_CATEGORIES];
  guint            next_code[N_CATEGORIES];
  guint8          *plan;       /* section of each product */
  guint          **weights;    /* per section: cumulative, per item */
  GHashTable      *names;      /* product name → times it was wanted */
  GHashTable      *barcodes;   /* set */
  GHashTable      *emails;     /* address before "@" → times it was wanted */
  guint            quick_wanted[N_CATEGORIES];  /* size of the till's grid */
  guint            quick_made[N_CATEGORIES];
  GHashTable      *quick_nouns;  /* set: the kinds of goods on the grid */
  guint            done;
  guint            total;
  ComptoirDemoProgress progress;
  gpointer         user_data;
} Demo;

static void
demo_clear (Demo *demo)
{
  for (guint i = 0; i < N_CATEGORIES; i++)
    g_clear_pointer (&demo->category_ids[i], g_free);
  g_clear_pointer (&demo->plan, g_free);
  if (demo->weights != NULL)
    {
      for (guint s = 0; s < comptoir_demo_n_sections; s++)
        g_free (demo->weights[s]);
      g_clear_pointer (&demo->weights, g_free);
    }
  g_clear_pointer (&demo->names, g_hash_table_unref);
  g_clear_pointer (&demo->barcodes, g_hash_table_unref);
  g_clear_pointer (&demo->emails, g_hash_table_unref);
  g_clear_pointer (&demo->quick_nouns, g_hash_table_unref);
  g_clear_object (&demo->catalog);
}

/* The shares of the sections, exactly (largest remainders), in a shuffled
 * order so that every batch has a bit of everything. */
static void
plan_sections (Demo  *demo,
               guint  n_products)
{
  g_autofree guint *counts = g_new (guint, comptoir_demo_n_sections);
  g_autofree guint64 *remainders = g_new (guint64, comptoir_demo_n_sections);
  guint total_share = 0;
  guint assigned = 0;
  guint pos = 0;

  for (guint s = 0; s < comptoir_demo_n_sections; s++)
    total_share += comptoir_demo_sections[s].share;

  for (guint s = 0; s < comptoir_demo_n_sections; s++)
    {
      guint64 exact = (guint64) n_products * comptoir_demo_sections[s].share;

      counts[s] = (guint) (exact / total_share);
      remainders[s] = exact % total_share;
      assigned += counts[s];
    }

  while (assigned < n_products)
    {
      guint best = 0;

      for (guint s = 1; s < comptoir_demo_n_sections; s++)
        if (remainders[s] > remainders[best])
          best = s;
      counts[best]++;
      remainders[best] = 0;
      assigned++;
    }

  demo->plan = g_new (guint8, MAX (n_products, 1));
  for (guint s = 0; s < comptoir_demo_n_sections; s++)
    for (guint i = 0; i < counts[s]; i++)
      demo->plan[pos++] = (guint8) s;

  for (guint i = n_products; i > 1; i--)
    {
      guint j = _comptoir_demo_rng_below (&demo->rng, i);
      guint8 tmp = demo->plan[i - 1];

      demo->plan[i - 1] = demo->plan[j];
      demo->plan[j] = tmp;
    }
}

/* The size of the till's grid in each category sold without barcodes,
 * from a stream of its own: the rest of the shop of a seed stays what it
 * was without a grid. */
static void
plan_quick (Demo *demo)
{
  DemoRng rng;

  _comptoir_demo_rng_init (&rng, demo->seed, STREAM_QUICK);
  for (guint s = 0; s < comptoir_demo_n_sections; s++)
    {
      const Section *section = &comptoir_demo_sections[s];

      if (section->selling != SELL_PACKAGED && demo->quick_wanted[section->category] == 0)
        demo->quick_wanted[section->category] =
          QUICK_MIN + _comptoir_demo_rng_below (&rng, QUICK_MAX - QUICK_MIN + 1);
    }
}

/* The first product on sale of each kind goes on the grid until it is
 * full: one button for apples, one for lentils, not twelve for apples.
 * No draw from the generator: the choice follows from the shop. */
static gboolean
take_quick (Demo          *demo,
            const Section *section,
            Field          noun,
            gboolean       active)
{
  if (section->selling == SELL_PACKAGED || !active ||
      demo->quick_made[section->category] >= demo->quick_wanted[section->category] ||
      !g_hash_table_add (demo->quick_nouns, g_strndup (noun.text, noun.len)))
    return FALSE;

  demo->quick_made[section->category]++;
  return TRUE;
}

static guint64
isqrt64 (guint64 n)
{
  guint64 root = 0;
  guint64 bit = G_GUINT64_CONSTANT (1) << 62;

  while (bit > n)
    bit >>= 2;
  while (bit != 0)
    {
      if (n >= root + bit)
        {
          n -= root + bit;
          root = (root >> 1) + bit;
        }
      else
        root >>= 1;
      bit >>= 2;
    }
  return root;
}

/* About how many different names an item can make. */
static guint64
item_space (const Section *section,
            const Item    *item)
{
  const char *brands = item->brands != NULL ? item->brands : section->brands;
  const char *origins = item->origins != NULL ? item->origins : section->origins;
  guint64 space = _comptoir_demo_count_fields (item->nouns);

  space *= MAX (_comptoir_demo_count_fields (item->varieties), 1);
  space *= MAX (_comptoir_demo_count_fields (item->qualifiers), 1);
  space *= MAX (_comptoir_demo_count_fields (item->extras), 1);
  space *= MAX (_comptoir_demo_count_fields (item->sizes), 1);
  if (brands != NULL && section->brand_percent > 0)
    space *= _comptoir_demo_count_fields (brands) + 1;
  if (!(item->flags & ITEM_NOT_ORGANIC) && section->organic_percent > 0)
    space *= 2;
  if (section->flags & SECTION_ORIGIN_IN_NAME)
    space *= _comptoir_demo_count_fields (origins) + 1;
  if (section->flags & SECTION_ISSUE_NUMBER)
    space *= 999;

  return MIN (space, 1000000);
}

/* Items are picked in proportion to space^(3/4): a cellar has more wines
 * than champagnes, and a big catalogue does not run out of names for the
 * small families. Integers only, so that every machine agrees. */
static void
weigh_items (Demo *demo)
{
  demo->weights = g_new0 (guint *, comptoir_demo_n_sections);
  for (guint s = 0; s < comptoir_demo_n_sections; s++)
    {
      const Section *section = &comptoir_demo_sections[s];
      guint total = 0;

      demo->weights[s] = g_new (guint, section->n_items);
      for (guint i = 0; i < section->n_items; i++)
        {
          guint64 space = item_space (section, &section->items[i]);

          total += (guint) MAX (isqrt64 (space * isqrt64 (space)), 1);
          demo->weights[s][i] = total;
        }
    }
}

static const Item *
pick_item (Demo  *demo,
           guint  section)
{
  const Section *s = &comptoir_demo_sections[section];
  const guint *cumulative = demo->weights[section];
  guint r = _comptoir_demo_rng_below (&demo->rng, cumulative[s->n_items - 1]);
  guint i = 0;

  while (cumulative[i] <= r)
    i++;
  return &s->items[i];
}

/* A brand's GS1 company prefix (France: 300–379), the same for all its
 * products, so the demo's barcodes look like real ones. */
static guint
brand_company_prefix (Demo  *demo,
                      Field  brand)
{
  guint64 h = _comptoir_demo_mix64 (hash_text (brand.text, brand.len) ^ demo->seed ^ STREAM_BRANDS);

  return (300 + (guint) (h % 80)) * 10000 + (guint) ((h / 80) % 10000);
}

static const char *
add_barcode (Demo       *demo,
             const char *digits)
{
  char *copy;

  if (g_hash_table_contains (demo->barcodes, digits))
    return NULL;
  copy = g_strdup (digits);
  g_hash_table_add (demo->barcodes, copy);
  return copy;
}

static const char *
make_ean13 (Demo  *demo,
            Field  brand)
{
  for (guint attempt = 0; ; attempt++)
    {
      char digits[14];
      const char *barcode;
      guint company;

      if (brand.len > 0 && attempt < BARCODE_ATTEMPTS)
        company = brand_company_prefix (demo, brand);
      else
        {
          /* Two statements: C leaves the order of operands open. */
          company = (300 + _comptoir_demo_rng_below (&demo->rng, 80)) * 10000;
          company += _comptoir_demo_rng_below (&demo->rng, 10000);
        }

      g_snprintf (digits, sizeof digits, "%07u%05u", company, _comptoir_demo_rng_below (&demo->rng, 100000));
      digits[12] = (char) ('0' + comptoir_gtin_check_digit (digits, 12));
      digits[13] = '\0';

      if ((barcode = add_barcode (demo, digits)) != NULL)
        return barcode;
    }
}

static const char *
make_ean8 (Demo *demo)
{
  for (guint attempt = 0; attempt < BARCODE_ATTEMPTS; attempt++)
    {
      char digits[9];
      const char *barcode;
      guint prefix = 300 + _comptoir_demo_rng_below (&demo->rng, 80);
      guint item = _comptoir_demo_rng_below (&demo->rng, 10000);

      g_snprintf (digits, sizeof digits, "%03u%04u", prefix, item);
      digits[7] = (char) ('0' + comptoir_gtin_check_digit (digits, 7));
      digits[8] = '\0';

      if ((barcode = add_barcode (demo, digits)) != NULL)
        return barcode;
    }

  /* The short numbers are running out: a second EAN-13 instead. */
  return make_ean13 (demo, (Field) { "", 0 });
}

static ComptoirProduct *
make_product (Demo  *demo,
              guint  section_index)
{
  DemoRng *rng = &demo->rng;
  const Section *section = &comptoir_demo_sections[section_index];
  const Category *category = &comptoir_demo_categories[section->category];
  const Item *item = pick_item (demo, section_index);
  g_autoptr (ComptoirProduct) product = comptoir_product_new ();
  g_autoptr (GString) name = g_string_new (NULL);
  g_autofree char *code = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *supplier_ref = NULL;
  const char *barcodes[3] = { NULL, NULL, NULL };
  gboolean organic;
  NameParts parts;
  guint seen = 0;

  organic = !(item->flags & ITEM_NOT_ORGANIC) && _comptoir_demo_rng_percent (rng, section->organic_percent);

  for (guint attempt = 0; attempt < NAME_ATTEMPTS; attempt++)
    {
      _comptoir_demo_compose_name (rng, section, item, organic, name, &parts);
      seen = GPOINTER_TO_UINT (g_hash_table_lookup (demo->names, name->str));
      if (seen == 0 && g_utf8_strlen (name->str, -1) <= MAX_NAME_CHARS)
        break;
    }

  /* So many products that this name is taken: tell the twins apart. */
  if (seen > 0)
    {
      g_hash_table_replace (demo->names, g_strdup (name->str), GUINT_TO_POINTER (seen + 1));
      g_string_append_printf (name, " (variante %u)", seen + 1);
    }
  if (g_utf8_strlen (name->str, -1) > MAX_NAME_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (name->str, 0, MAX_NAME_CHARS);
      g_string_assign (name, g_strchomp (cut));
    }
  g_hash_table_replace (demo->names, g_strdup (name->str), GUINT_TO_POINTER (1));

  demo->next_code[section->category]++;
  code = g_strdup_printf (section->selling == SELL_PACKAGED ? "%s-%06u" : "%s-%04u",
                          category->prefix, demo->next_code[section->category]);

  if (section->selling == SELL_PACKAGED)
    {
      barcodes[0] = make_ean13 (demo, parts.brand);
      if (_comptoir_demo_rng_percent (rng, 5))
        barcodes[1] = _comptoir_demo_rng_percent (rng, 50) ? make_ean8 (demo)
                                                           : make_ean13 (demo, (Field) { "", 0 });
    }

  if (parts.origin.len > 0)
    origin = g_strndup (parts.origin.text, parts.origin.len);
  supplier_ref = g_strdup_printf ("SUP-%05u", 10000 + _comptoir_demo_rng_below (rng, 90000));

  comptoir_product_set_code (product, code);
  comptoir_product_set_name (product, name->str);
  comptoir_product_set_unit (product,
                             section->selling == SELL_WEIGHED ? COMPTOIR_UNIT_KG :
                             section->selling == SELL_LIQUID ? COMPTOIR_UNIT_LITRE : COMPTOIR_UNIT_PIECE);
  comptoir_product_set_price_cents (product, _comptoir_demo_make_price (rng, item, parts.factor, organic));
  comptoir_product_set_vat_bp (product, item->vat_bp != 0 ? item->vat_bp : category->vat_bp);
  comptoir_product_set_category (product, demo->category_ids[section->category], category->name);
  comptoir_product_set_supplier_ref (product, supplier_ref);
  comptoir_product_set_origin (product, origin);
  comptoir_product_set_organic (product, organic);
  comptoir_product_set_active (product, !_comptoir_demo_rng_percent (rng, 1));
  comptoir_product_set_quick (product, take_quick (demo, section, parts.noun,
                                                   comptoir_product_get_active (product)));
  comptoir_product_set_barcodes (product, barcodes);

  return g_steal_pointer (&product);
}

static gboolean
write_categories (Demo    *demo,
                  GError **error)
{
  if (!comptoir_db_begin (demo->db, error))
    return FALSE;

  for (guint i = 0; i < N_CATEGORIES; i++)
    {
      const Category *category = &comptoir_demo_categories[i];

      demo->category_ids[i] = comptoir_catalog_ensure_category (demo->catalog, category->name,
                                                                category->vat_bp, error);
      if (demo->category_ids[i] == NULL)
        {
          comptoir_db_rollback (demo->db);
          return FALSE;
        }
    }

  return comptoir_db_commit (demo->db, error);
}

static gboolean
write_products (Demo    *demo,
                guint    from,
                guint    to,
                GError **error)
{
  if (!comptoir_db_begin (demo->db, error))
    return FALSE;

  for (guint i = from; i < to; i++)
    {
      g_autoptr (ComptoirProduct) product = make_product (demo, demo->plan[i]);

      if (!comptoir_catalog_save_product (demo->catalog, product, error))
        {
          g_prefix_error (error, _("Could not write the demo product “%s”: "),
                          comptoir_product_get_name (product));
          comptoir_db_rollback (demo->db);
          return FALSE;
        }
    }

  return comptoir_db_commit (demo->db, error);
}

/* "Jean-Baptiste", "Le Gall" → "jean-baptiste", "le-gall". */
static void
append_email_part (GString    *out,
                   const char *name)
{
  g_autofree char *folded = comptoir_text_fold (name);

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-')
        g_string_append_c (out, *p);
      else if (*p == ' ')
        g_string_append_c (out, '-');
    }
}

/* Who runs the demo shop: its name on receipts, and staff to log in at
 * the till with the PINs the README gives. A shop that already has
 * staff keeps them. */
static gboolean
write_shop (Demo    *demo,
            GError **error)
{
  static const struct { const char *name; ComptoirStaffRole role; const char *pin; } staff[] = {
    { "Claire", COMPTOIR_STAFF_ROLE_MANAGER, "1234" },
    { "Anne", COMPTOIR_STAFF_ROLE_CASHIER, "2580" },
    { "Bruno", COMPTOIR_STAFF_ROLE_CASHIER, "1357" },
  };
  g_autoptr (GListModel) existing = comptoir_staff_list_active (demo->db, error);

  if (existing == NULL)
    return FALSE;
  if (g_list_model_get_n_items (existing) > 0)
    return TRUE;

  if (!comptoir_settings_set (demo->db, COMPTOIR_SETTING_SHOP_NAME, "Coopérative du Canal (démo)", error) ||
      !comptoir_settings_set (demo->db, COMPTOIR_SETTING_SHOP_ADDRESS, "12 quai de la Loire\n75019 Paris", error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      g_autoptr (ComptoirStaff) member = comptoir_staff_create (demo->db, staff[i].name, staff[i].role, staff[i].pin, error);

      if (member == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Counted back from the day the demo is made, not from the demo's fixed
 * day: a status is judged on the day the till reads the card. */
static gboolean
write_missed_shifts (Demo        *demo,
                     const char  *member_id,
                     guint        n_missed,
                     GError     **error)
{
  ComptoirDay today = comptoir_day_today ();

  for (guint m = 0; m < n_missed; m++)
    {
      ComptoirDay day = n_missed == 1 ? today - 7 : today - 28 * (n_missed - m);

      if (!comptoir_member_record_shift (demo->db, member_id, COMPTOIR_LEDGER_SHIFT_MISSED, day, NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_members (Demo          *demo,
               DemoRng       *rng,
               const guint   *days_ago,
               guint          from,
               guint          to,
               GError       **error)
{
  g_autoptr (GString) email = g_string_new (NULL);
  g_autofree char *card_prefix = comptoir_settings_dup (demo->db, COMPTOIR_SETTING_MEMBER_CARD_PREFIX);

  if (!comptoir_db_begin (demo->db, error))
    return FALSE;

  for (guint i = from; i < to; i++)
    {
      const char *first =
        comptoir_demo_first_names[_comptoir_demo_rng_below (rng, comptoir_demo_n_first_names)];
      const char *last =
        comptoir_demo_last_names[_comptoir_demo_rng_below (rng, comptoir_demo_n_last_names)];
      g_autoptr (ComptoirChange) change = comptoir_change_new ("member", NULL);
      g_autoptr (GDate) joined = g_date_new_dmy (BASE_DAY, BASE_MONTH, BASE_YEAR);
      g_autofree char *phone = NULL;
      g_autofree char *card = comptoir_member_card_barcode (card_prefix, i + 1);
      char join_date[16];
      guint seen;
      DemoMemberRecord record;

      g_string_truncate (email, 0);
      append_email_part (email, first);
      g_string_append_c (email, '.');
      append_email_part (email, last);
      seen = GPOINTER_TO_UINT (g_hash_table_lookup (demo->emails, email->str));
      g_hash_table_replace (demo->emails, g_strdup (email->str), GUINT_TO_POINTER (seen + 1));
      if (seen > 0)
        g_string_append_printf (email, "%u", seen + 1);
      g_string_append (email, "@example.org");

      /* One draw per statement: C leaves the order of arguments open, and
       * the same seed must give the same shop whatever the compiler. */
      {
        guint pairs[4];

        for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
          pairs[p] = _comptoir_demo_rng_below (rng, 100);
        phone = g_strdup_printf ("06 %02u %02u %02u %02u", pairs[0], pairs[1], pairs[2], pairs[3]);
      }

      g_date_subtract_days (joined, days_ago[i]);
      g_date_strftime (join_date, sizeof join_date, "%Y-%m-%d", joined);

      comptoir_change_set_int (change, "number", i + 1);
      comptoir_change_set_text (change, "first_name", first);
      comptoir_change_set_text (change, "last_name", last);
      comptoir_change_set_text (change, "email", email->str);
      comptoir_change_set_text (change, "phone", phone);
      comptoir_change_set_text (change, "join_date", join_date);
      comptoir_change_set_text (change, "card_barcode", card);
      _comptoir_demo_compose_member_record (demo->seed, i + 1, &record);
      if (record.birth_date[0] != '\0')
        comptoir_change_set_text (change, "birth_date", record.birth_date);

      if (!comptoir_db_apply_change (demo->db, change, NULL, error) ||
          !_comptoir_demo_write_member_record (demo->db, comptoir_change_get_row_id (change), last, join_date,
                                               &record, error))
        {
          g_prefix_error (error, _("Could not write the demo member %s %s: "), first, last);
          comptoir_db_rollback (demo->db);
          return FALSE;
        }

      /* A few members in each state, so that the till shows all three:
       * three shifts missed, the last four weeks ago, and the deadline
       * passed (suspended); one missed a week ago (alert). */
      if (!write_missed_shifts (demo, comptoir_change_get_row_id (change),
                                (i + 1) % 53 == 0 ? 3 : (i + 1) % 29 == 0 ? 1 : 0, error))
        {
          g_prefix_error (error, _("Could not write the demo member %s %s: "), first, last);
          comptoir_db_rollback (demo->db);
          return FALSE;
        }
    }

  return comptoir_db_commit (demo->db, error);
}

static int
compare_days_descending (gconstpointer a,
                         gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

static gboolean
table_is_empty (Demo        *demo,
                const char  *sql,
                gboolean    *out_empty,
                GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (demo->db, sql, error);

  if (stmt == NULL || !comptoir_db_step_done (demo->db, stmt, error))
    return FALSE;
  *out_empty = sqlite3_column_int (stmt, 0) == 0;
  return TRUE;
}

static void
report (Demo  *demo,
        guint  done)
{
  demo->done += done;
  if (demo->progress != NULL)
    demo->progress (demo->done, demo->total, demo->user_data);
}

static gboolean
generate (Demo                      *demo,
          const ComptoirDemoOptions *options,
          GError                   **error)
{
  gboolean empty = TRUE;

  /* The codes, barcodes and member numbers start from 1 every time: a
   * second demo shop on top of a first one would clash with it. */
  if (options->n_products > 0)
    {
      if (!table_is_empty (demo, "SELECT EXISTS (SELECT 1 FROM product)", &empty, error))
        return FALSE;
      if (!empty)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("This database already has products. Create the demo shop "
                                 "in a new, empty database file."));
          return FALSE;
        }
    }
  if (options->n_members > 0)
    {
      if (!table_is_empty (demo, "SELECT EXISTS (SELECT 1 FROM member)", &empty, error))
        return FALSE;
      if (!empty)
        {
          g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                               _("This database already has members. Create the demo shop "
                                 "in a new, empty database file."));
          return FALSE;
        }
    }

  if (options->n_products > 0)
    {
      _comptoir_demo_rng_init (&demo->rng, options->seed, STREAM_PRODUCTS);
      weigh_items (demo);
      plan_sections (demo, options->n_products);
      plan_quick (demo);

      if (!write_categories (demo, error))
        return FALSE;

      for (guint from = 0; from < options->n_products; from += BATCH_SIZE)
        {
          guint to = MIN (from + BATCH_SIZE, options->n_products);

          if (!write_products (demo, from, to, error))
            return FALSE;
          report (demo, to - from);
        }
    }

  if (options->n_members > 0)
    {
      g_autofree guint *days_ago = g_new (guint, options->n_members);
      DemoRng rng;

      _comptoir_demo_rng_init (&rng, options->seed, STREAM_MEMBERS);

      /* Member 1 joined first. */
      for (guint i = 0; i < options->n_members; i++)
        days_ago[i] = _comptoir_demo_rng_below (&rng, MEMBERSHIP_DAYS + 1);
      qsort (days_ago, options->n_members, sizeof (guint), compare_days_descending);

      for (guint from = 0; from < options->n_members; from += BATCH_SIZE)
        {
          guint to = MIN (from + BATCH_SIZE, options->n_members);

          if (!write_members (demo, &rng, days_ago, from, to, error))
            return FALSE;
          report (demo, to - from);
        }
      if (!_comptoir_demo_write_shifts (demo->db, comptoir_day_today (), error))
        return FALSE;
    }
  if (options->n_products > 0 && !_comptoir_demo_write_suppliers (demo->db, error))
    return FALSE;

  return write_shop (demo, error);
}

/**
 * comptoir_demo_generate:
 * @db: an empty database (no products and no members yet)
 * @options: how many products and members, and the seed
 * @progress: (nullable): called after each committed batch
 * @user_data: for @progress
 * @error: return location for an error
 *
 * Fills @db with a demo cooperative supermarket, through the core write
 * API (so every row is in the change log). Rows are committed in
 * batches of 2,000: on error, the batch under way is rolled back and the
 * batches before it stay.
 *
 * Returns: %TRUE on success
 */
gboolean
comptoir_demo_generate (ComptoirDb                *db,
                        const ComptoirDemoOptions *options,
                        ComptoirDemoProgress       progress,
                        gpointer                   user_data,
                        GError                   **error)
{
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  demo.db = db;
  demo.catalog = comptoir_catalog_new (db);
  demo.seed = options->seed;
  demo.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.barcodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.quick_nouns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.total = options->n_products + options->n_members;
  demo.progress = progress;
  demo.user_data = user_data;

  ok = generate (&demo, options, error);

  demo_clear (&demo);
  return ok;
}
