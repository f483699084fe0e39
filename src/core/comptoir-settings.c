/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "comptoir-change.h"
#include "comptoir-sale.h"
#include "comptoir-settings.h"
#include "comptoir-shift.h"

typedef gboolean (*CheckFunc) (const char *value, GError **error);

typedef struct {
  const char *key;
  CheckFunc   check;
} SettingInfo;

static gboolean
check_any (const char  *value,
           GError     **error)
{
  return TRUE;
}

static gboolean
check_mode (const char  *value,
            GError     **error)
{
  if (g_str_equal (value, "coop") || g_str_equal (value, "farm"))
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The shop mode is either “coop” (members only) or “farm” (anyone may buy)."));
  return FALSE;
}

static gboolean
check_columns (const char  *value,
               GError     **error)
{
  if (g_str_equal (value, "48") || g_str_equal (value, "32"))
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Receipts are 48 columns wide (80 mm paper) or 32 (58 mm paper)."));
  return FALSE;
}

static gboolean
check_lock_after (const char  *value,
                  GError     **error)
{
  guint64 seconds;

  if (g_ascii_string_to_unsigned (value, 10, 0, 86400, &seconds, NULL))
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Give the lock delay in seconds, from 0 (never lock) to 86400."));
  return FALSE;
}

static gboolean
check_payment_methods (const char  *value,
                       GError     **error)
{
  g_auto (GStrv) methods = g_strsplit (value, ",", -1);

  if (methods[0] == NULL)
    {
      g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                           _("Enable at least one payment method."));
      return FALSE;
    }
  for (guint i = 0; methods[i] != NULL; i++)
    if (!comptoir_payment_method_is_valid (methods[i]))
      {
        g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                     _("“%s” is not a payment method; use cash, card, cheque, meal_voucher or local_currency."),
                     methods[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
check_card_prefix (const char  *value,
                   GError     **error)
{
  gsize len = strlen (value);

  if (len >= 2 && len <= 6 && strspn (value, "0123456789") == len)
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("A member card prefix is 2 to 6 digits, such as 299."));
  return FALSE;
}

static gboolean
check_scale_rules (const char  *value,
                   GError     **error)
{
  ComptoirScaleRules *rules = comptoir_scale_rules_new_from_json (value, error);

  if (rules == NULL)
    return FALSE;
  comptoir_scale_rules_free (rules);
  return TRUE;
}

static gboolean
check_status_rules (const char  *value,
                    GError     **error)
{
  ComptoirStatusRules rules;

  return comptoir_status_rules_from_json (value, TRUE, &rules, error);
}

static gboolean
check_share_value (const char  *value,
                   GError     **error)
{
  gint64 cents;

  if (g_ascii_string_to_signed (value, 10, 1, 100000000, &cents, NULL))
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The value of a share is a whole number of cents, more than 0 (1000 for 10 €)."));
  return FALSE;
}

static gboolean
check_shift_rules (const char  *value,
                   GError     **error)
{
  ComptoirShiftRules rules;

  return comptoir_shift_rules_from_json (value, TRUE, &rules, error);
}

static gboolean
check_markup (const char  *value,
              GError     **error)
{
  gint64 bp;

  if (g_ascii_string_to_signed (value, 10, 0, 100000, &bp, NULL))
    return TRUE;
  g_set_error_literal (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Give the markup in basis points, from 0 to 100000: 2000 sells at 1.20 times "
                         "the purchase price excluding VAT."));
  return FALSE;
}

static const SettingInfo settings[] = {
  { COMPTOIR_SETTING_SHOP_NAME, check_any },
  { COMPTOIR_SETTING_SHOP_ADDRESS, check_any },
  { COMPTOIR_SETTING_SHOP_SIRET, check_any },
  { COMPTOIR_SETTING_SHOP_VAT_NUMBER, check_any },
  { COMPTOIR_SETTING_SHOP_MODE, check_mode },
  { COMPTOIR_SETTING_RECEIPT_FOOTER, check_any },
  { COMPTOIR_SETTING_RECEIPT_COLUMNS, check_columns },
  { COMPTOIR_SETTING_TILL_LOCK_AFTER, check_lock_after },
  { COMPTOIR_SETTING_PAYMENT_METHODS, check_payment_methods },
  { COMPTOIR_SETTING_LOCAL_CURRENCY, check_any },
  { COMPTOIR_SETTING_MEMBER_CARD_PREFIX, check_card_prefix },
  { COMPTOIR_SETTING_SCALE_RULES, check_scale_rules },
  { COMPTOIR_SETTING_STATUS_RULES, check_status_rules },
  { COMPTOIR_SETTING_SHARE_VALUE, check_share_value },
  { COMPTOIR_SETTING_SHIFT_RULES, check_shift_rules },
  { COMPTOIR_SETTING_SHIFT_ARBITER, check_any },
  { COMPTOIR_SETTING_DEFAULT_MARKUP, check_markup },
};

const char * const *
comptoir_settings_list_keys (void)
{
  static const char *keys[G_N_ELEMENTS (settings) + 1];

  if (keys[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
      keys[i] = settings[i].key;
  return keys;
}

static const SettingInfo *
find_setting (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    if (g_str_equal (settings[i].key, key))
      return &settings[i];
  return NULL;
}

/* Defaults are computed, not stored: the footer is in the language of
 * the machine that prints until someone writes one. */
static char *
dup_default (const char *key)
{
  if (g_str_equal (key, COMPTOIR_SETTING_SHOP_MODE))
    return g_strdup ("coop");
  if (g_str_equal (key, COMPTOIR_SETTING_RECEIPT_FOOTER))
    return g_strdup (_("Thank you, see you soon!"));
  if (g_str_equal (key, COMPTOIR_SETTING_RECEIPT_COLUMNS))
    return g_strdup ("48");
  if (g_str_equal (key, COMPTOIR_SETTING_TILL_LOCK_AFTER))
    return g_strdup ("300");
  if (g_str_equal (key, COMPTOIR_SETTING_MEMBER_CARD_PREFIX))
    return g_strdup ("299");
  if (g_str_equal (key, COMPTOIR_SETTING_PAYMENT_METHODS))
    return g_strdup ("cash,card,cheque,meal_voucher");
  if (g_str_equal (key, COMPTOIR_SETTING_SCALE_RULES))
    {
      ComptoirScaleRules *rules = comptoir_scale_rules_new_default ();
      char *json = comptoir_scale_rules_to_json (rules);

      comptoir_scale_rules_free (rules);
      return json;
    }
  if (g_str_equal (key, COMPTOIR_SETTING_STATUS_RULES))
    {
      ComptoirStatusRules rules;

      comptoir_status_rules_init_default (&rules);
      return comptoir_status_rules_to_json (&rules);
    }
  if (g_str_equal (key, COMPTOIR_SETTING_SHARE_VALUE))
    return g_strdup ("1000");
  if (g_str_equal (key, COMPTOIR_SETTING_DEFAULT_MARKUP))
    return g_strdup ("2000");
  if (g_str_equal (key, COMPTOIR_SETTING_SHIFT_RULES))
    {
      ComptoirShiftRules rules;

      comptoir_shift_rules_init_default (&rules);
      return comptoir_shift_rules_to_json (&rules);
    }
  return g_strdup ("");
}

char *
comptoir_settings_dup (ComptoirDb *db,
                       const char *key)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  if (find_setting (key) == NULL)
    return NULL;

  stmt = comptoir_db_prepare (db, "SELECT value FROM setting WHERE id = ?1", &error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  else
    g_warning ("Reading setting %s: %s", key, error->message);
  return dup_default (key);
}

gint64
comptoir_settings_get_int (ComptoirDb *db,
                           const char *key)
{
  g_autofree char *value = comptoir_settings_dup (db, key);

  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

gboolean
comptoir_settings_set (ComptoirDb  *db,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  const SettingInfo *info = find_setting (key);
  g_autoptr (ComptoirChange) change = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (info == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("There is no setting called “%s”."), key);
      return FALSE;
    }
  clean = g_strstrip (g_strdup (value));
  if (!info->check (clean, error))
    return FALSE;

  change = comptoir_change_new ("setting", key);
  comptoir_change_set_text (change, "value", clean);
  return comptoir_db_apply_change (db, change, NULL, error);
}

char **
comptoir_settings_dup_payment_methods (ComptoirDb *db)
{
  g_autofree char *value = comptoir_settings_dup (db, COMPTOIR_SETTING_PAYMENT_METHODS);

  return g_strsplit (value, ",", -1);
}

ComptoirScaleRules *
comptoir_settings_load_scale_rules (ComptoirDb  *db,
                                    GError     **error)
{
  g_autofree char *json = comptoir_settings_dup (db, COMPTOIR_SETTING_SCALE_RULES);

  return comptoir_scale_rules_new_from_json (json, error);
}

gboolean
comptoir_settings_load_status_rules (ComptoirDb           *db,
                                     ComptoirStatusRules  *out,
                                     GError              **error)
{
  g_autofree char *json = comptoir_settings_dup (db, COMPTOIR_SETTING_STATUS_RULES);

  return comptoir_status_rules_from_json (json, FALSE, out, error);
}

const char *
comptoir_payment_method_get_label (const char *method)
{
  if (g_strcmp0 (method, "cash") == 0)
    return _("Cash");
  if (g_strcmp0 (method, "card") == 0)
    return _("Card");
  if (g_strcmp0 (method, "cheque") == 0)
    return _("Cheque");
  if (g_strcmp0 (method, "meal_voucher") == 0)
    return _("Meal vouchers");
  if (g_strcmp0 (method, "local_currency") == 0)
    return _("Local currency");
  return method;
}
