/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-supplier"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-id.h"
#include "comptoir-member-record-private.h"
#include "comptoir-supplier-private.h"
#include "comptoir-text.h"

#define MAX_NAME_CHARS    120
#define MAX_TEXT_CHARS    2000
#define MAX_AMOUNT_CENTS  10000000000  /* 100 million euros: beyond is a typing slip */

/* Day names as people write them, French and English, folded; their
 * ISO number. */
static const struct {
  const char *name;
  guint       day;
} day_names[] = {
  { "lundi", 1 }, { "lun", 1 }, { "monday", 1 }, { "mon", 1 }, { "mo", 1 },
  { "mardi", 2 }, { "mar", 2 }, { "tuesday", 2 }, { "tue", 2 }, { "tues", 2 }, { "tu", 2 },
  { "mercredi", 3 }, { "mer", 3 }, { "wednesday", 3 }, { "wed", 3 }, { "we", 3 },
  { "jeudi", 4 }, { "jeu", 4 }, { "thursday", 4 }, { "thu", 4 }, { "thur", 4 }, { "thurs", 4 },
  { "th", 4 },
  { "vendredi", 5 }, { "ven", 5 }, { "friday", 5 }, { "fri", 5 }, { "fr", 5 },
  { "samedi", 6 }, { "sam", 6 }, { "saturday", 6 }, { "sat", 6 }, { "sa", 6 },
  { "dimanche", 7 }, { "dim", 7 }, { "sunday", 7 }, { "sun", 7 }, { "su", 7 },
};

gboolean
comptoir_weekdays_parse (const char        *text,
                         ComptoirWeekdays  *out_days,
                         GError           **error)
{
  g_autofree char *folded = comptoir_text_fold (text);
  g_auto (GStrv) tokens = g_strsplit_set (folded, " ,;/|+.\t", -1);
  ComptoirWeekdays days = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *token = tokens[i];
      gboolean known = FALSE;

      /* "lundi et jeudi", "mon and thu" */
      if (token[0] == '\0' || g_str_equal (token, "et") || g_str_equal (token, "and"))
        continue;
      if (token[0] >= '1' && token[0] <= '7' && token[1] == '\0')
        {
          days |= COMPTOIR_WEEKDAY_BIT (token[0] - '0');
          continue;
        }
      for (guint d = 0; !known && d < G_N_ELEMENTS (day_names); d++)
        if (g_str_equal (token, day_names[d].name))
          {
            days |= COMPTOIR_WEEKDAY_BIT (day_names[d].day);
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("“%s” is not a day of the week. List the order days like “lundi, jeudi”, "
                         "“mon,thu” or “1,4” (1 is Monday)."),
                       tokens[i]);
          return FALSE;
        }
    }

  *out_days = days;
  return TRUE;
}

char *
comptoir_weekdays_to_string (ComptoirWeekdays days)
{
  GString *text = g_string_new (NULL);

  for (guint d = 1; d <= 7; d++)
    if (days & COMPTOIR_WEEKDAY_BIT (d))
      g_string_append_printf (text, "%s%u", text->len > 0 ? "," : "", d);
  return g_string_free (text, FALSE);
}

char *
comptoir_weekdays_format (ComptoirWeekdays days)
{
  static const char *names[] = {
    NULL, N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };
  GString *text = g_string_new (NULL);

  if ((days & COMPTOIR_WEEKDAYS_ALL) == 0)
    {
      g_string_free (text, TRUE);
      return g_strdup (_("any day"));
    }
  for (guint d = 1; d <= 7; d++)
    if (days & COMPTOIR_WEEKDAY_BIT (d))
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, _(names[d]));
      }
  return g_string_free (text, FALSE);
}

static ComptoirWeekdays
weekdays_from_stored (const char *text)
{
  ComptoirWeekdays days = 0;

  /* Stored by us, but replicated from other versions: what is not
   * understood is left out rather than refused. */
  if (text != NULL && !comptoir_weekdays_parse (text, &days, NULL))
    days = 0;
  return days;
}

void
comptoir_supplier_init (ComptoirSupplier *supplier)
{
  memset (supplier, 0, sizeof *supplier);
  supplier->lead_days = 2;
  supplier->active = TRUE;
}

void
comptoir_supplier_clear (ComptoirSupplier *supplier)
{
  g_clear_pointer (&supplier->id, g_free);
  g_clear_pointer (&supplier->name, g_free);
  g_clear_pointer (&supplier->contact, g_free);
  g_clear_pointer (&supplier->email, g_free);
  g_clear_pointer (&supplier->phone, g_free);
  g_clear_pointer (&supplier->address, g_free);
  g_clear_pointer (&supplier->notes, g_free);
}

void
comptoir_supplier_free (ComptoirSupplier *supplier)
{
  if (supplier == NULL)
    return;
  comptoir_supplier_clear (supplier);
  g_free (supplier);
}

static gboolean
too_long (const char *text,
          glong       max)
{
  return text != NULL && g_utf8_strlen (text, -1) > max;
}

#define SUPPLIER_COLUMNS \
  "id, name, contact, email, phone, address, order_days, lead_days, " \
  "min_order_cents, franco_cents, notes, active FROM supplier "

static void
supplier_from_row (sqlite3_stmt *stmt,
                   gpointer      data)
{
  ComptoirSupplier *out = data;

  comptoir_supplier_init (out);
  out->id = _comptoir_db_column_dup (stmt, 0);
  out->name = _comptoir_db_column_dup (stmt, 1);
  out->contact = _comptoir_db_column_dup (stmt, 2);
  out->email = _comptoir_db_column_dup (stmt, 3);
  out->phone = _comptoir_db_column_dup (stmt, 4);
  out->address = _comptoir_db_column_dup (stmt, 5);
  out->order_days = weekdays_from_stored ((const char *) sqlite3_column_text (stmt, 6));
  out->lead_days = sqlite3_column_int (stmt, 7);
  out->min_order_cents = sqlite3_column_int64 (stmt, 8);
  out->franco_cents = sqlite3_column_int64 (stmt, 9);
  out->notes = _comptoir_db_column_dup (stmt, 10);
  out->active = sqlite3_column_int (stmt, 11);
}

gboolean
comptoir_supplier_load (ComptoirDb        *db,
                        const char        *supplier_id,
                        ComptoirSupplier  *out,
                        GError           **error)
{
  gboolean found;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (supplier_id != NULL && out != NULL, FALSE);

  if (!_comptoir_db_query_row (db, "SELECT " SUPPLIER_COLUMNS "WHERE id = ?1", supplier_id, NULL,
                               supplier_from_row, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("This supplier no longer exists. Choose one from the list of suppliers."));
  return found;
}

gboolean
comptoir_supplier_find (ComptoirDb        *db,
                        const char        *name_or_id,
                        ComptoirSupplier  *out,
                        GError           **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *key = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (name_or_id != NULL && out != NULL, FALSE);

  if (comptoir_uuid7_is_valid (name_or_id) &&
      !_comptoir_db_query_row (db, "SELECT " SUPPLIER_COLUMNS "WHERE id = ?1", name_or_id, NULL,
                               supplier_from_row, out, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  clean = g_strstrip (g_strdup (name_or_id));
  key = comptoir_text_fold (clean);
  if (!_comptoir_db_query_row (db, "SELECT " SUPPLIER_COLUMNS "WHERE sort_key = ?1 ORDER BY active DESC, rowid",
                               key, NULL, supplier_from_row, out, &found, error))
    return FALSE;
  if (!found)
    g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND,
                 _("No supplier is called “%s”. Check the name in the list of suppliers, or add the supplier."),
                 clean);
  return found;
}

GPtrArray *
comptoir_supplier_list (ComptoirDb  *db,
                        gboolean     with_inactive,
                        GError     **error)
{
  g_autoptr (ComptoirStmt) stmt = NULL;
  g_autoptr (GPtrArray) suppliers = NULL;
  int rc;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  stmt = comptoir_db_prepare (db, "SELECT " SUPPLIER_COLUMNS "WHERE active OR ?1 ORDER BY sort_key, rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, with_inactive);

  suppliers = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_supplier_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ComptoirSupplier *supplier = g_new (ComptoirSupplier, 1);

      supplier_from_row (stmt, supplier);
      g_ptr_array_add (suppliers, supplier);
    }
  if (rc != SQLITE_DONE)
    {
      comptoir_db_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&suppliers);
}

/* The first problem of the supplier, said so that a person can fix it;
 * clean holds the trimmed texts to save. */
static gboolean
validate (ComptoirDb        *db,
          ComptoirSupplier  *supplier,
          ComptoirSupplier  *clean,
          GError           **error)
{
  g_autofree char *key = NULL;
  g_autofree char *other = NULL;

  clean->name = comptoir_text_clean (supplier->name);
  clean->contact = comptoir_text_clean (supplier->contact);
  clean->email = comptoir_text_clean (supplier->email);
  clean->phone = comptoir_text_clean (supplier->phone);
  clean->address = comptoir_text_clean (supplier->address);
  clean->notes = comptoir_text_clean (supplier->notes);

  if (clean->name == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the supplier a name, as it appears on their invoices."));
      return FALSE;
    }
  if (too_long (clean->name, MAX_NAME_CHARS))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Shorten the supplier’s name to %d characters at most."), MAX_NAME_CHARS);
      return FALSE;
    }
  if (clean->email != NULL && !_comptoir_member_email_is_valid (clean->email))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not an e-mail address: write it like commandes@example.org, or leave it empty."),
                   clean->email);
      return FALSE;
    }
  if (too_long (clean->contact, MAX_NAME_CHARS) || too_long (clean->phone, 40) ||
      too_long (clean->address, MAX_TEXT_CHARS) || too_long (clean->notes, MAX_TEXT_CHARS))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Shorten the contact, phone, address or notes: %d characters at most for the "
                     "address and notes."), MAX_TEXT_CHARS);
      return FALSE;
    }
  if (supplier->lead_days < 0 || supplier->lead_days > 90)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the delivery time in days, from 0 (same day) to 90."));
      return FALSE;
    }
  if (supplier->min_order_cents < 0 || supplier->min_order_cents > MAX_AMOUNT_CENTS ||
      supplier->franco_cents < 0 || supplier->franco_cents > MAX_AMOUNT_CENTS)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Give the minimum order and the franco as amounts in euros excluding VAT, "
                             "or leave them empty."));
      return FALSE;
    }

  /* Suppliers are named by people and scripts: two with one name could
   * not be told apart. */
  key = comptoir_text_fold (clean->name);
  if (!_comptoir_db_lookup_text (db, "SELECT name FROM supplier WHERE sort_key = ?1 AND id <> ?2",
                                 key, supplier->id != NULL ? supplier->id : "", &other, error))
    return FALSE;
  if (other != NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("A supplier is already called “%s”. Give this one another name, or edit that one."),
                   other);
      return FALSE;
    }
  return TRUE;
}

static void
set_amount (ComptoirChange *change,
            const char     *column,
            gint64          cents)
{
  if (cents > 0)
    comptoir_change_set_int (change, column, cents);
  else
    comptoir_change_set_null (change, column);
}

gboolean
comptoir_supplier_save (ComptoirDb        *db,
                        ComptoirSupplier  *supplier,
                        GError           **error)
{
  g_auto (ComptoirSupplier) clean = { 0 };
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *days = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (supplier != NULL, FALSE);

  if (!validate (db, supplier, &clean, error))
    return FALSE;

  days = comptoir_weekdays_to_string (supplier->order_days);
  change = comptoir_change_new ("supplier", supplier->id);
  comptoir_change_set_text (change, "name", clean.name);
  comptoir_change_set_text (change, "contact", clean.contact);
  comptoir_change_set_text (change, "email", clean.email);
  comptoir_change_set_text (change, "phone", clean.phone);
  comptoir_change_set_text (change, "address", clean.address);
  comptoir_change_set_text (change, "order_days", days[0] != '\0' ? days : NULL);
  comptoir_change_set_int (change, "lead_days", supplier->lead_days);
  set_amount (change, "min_order_cents", supplier->min_order_cents);
  set_amount (change, "franco_cents", supplier->franco_cents);
  comptoir_change_set_text (change, "notes", clean.notes);
  comptoir_change_set_bool (change, "active", supplier->active);
  if (!comptoir_db_apply_change (db, change, NULL, error))
    return FALSE;

  if (supplier->id == NULL)
    supplier->id = g_strdup (comptoir_change_get_row_id (change));
  g_free (supplier->name);
  supplier->name = g_steal_pointer (&clean.name);
  return TRUE;
}

/* The column mapping saved by the last successful catalogue import, as
 * JSON; NULL when there is none. */
char *
_comptoir_supplier_dup_import_mapping (ComptoirDb  *db,
                                       const char  *supplier_id,
                                       GError     **error)
{
  char *json = NULL;

  _comptoir_db_lookup_text (db, "SELECT import_mapping FROM supplier WHERE id = ?1", supplier_id, NULL, &json, error);
  return json;
}

gboolean
_comptoir_supplier_set_import_mapping (ComptoirDb  *db,
                                       const char  *supplier_id,
                                       const char  *json,
                                       GError     **error)
{
  g_autoptr (ComptoirChange) change = comptoir_change_new ("supplier", supplier_id);

  comptoir_change_set_text (change, "import_mapping", json);
  return comptoir_db_apply_change (db, change, NULL, error);
}
