/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include <string.h>

#include "test-fixture.h"

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *mode = comptoir_settings_dup (f->db, COMPTOIR_SETTING_SHOP_MODE);
  g_autofree char *name = comptoir_settings_dup (f->db, COMPTOIR_SETTING_SHOP_NAME);
  g_auto (GStrv) methods = comptoir_settings_dup_payment_methods (f->db);
  g_autoptr (GError) error = NULL;
  ComptoirScaleRules *rules;

  g_assert_cmpstr (mode, ==, "coop");
  g_assert_cmpstr (name, ==, "");
  g_assert_cmpint (comptoir_settings_get_int (f->db, COMPTOIR_SETTING_RECEIPT_COLUMNS), ==, 48);
  g_assert_cmpint (comptoir_settings_get_int (f->db, COMPTOIR_SETTING_TILL_LOCK_AFTER), ==, 300);
  g_assert_cmpuint (g_strv_length (methods), ==, 4);
  g_assert_cmpstr (methods[0], ==, "cash");
  g_assert_null (comptoir_settings_dup (f->db, "no.such.key"));

  rules = comptoir_settings_load_scale_rules (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (rules), ==, 3);
  g_assert_cmpstr (comptoir_scale_rules_get_rule (rules, 0)->prefix, ==, "21");
  comptoir_scale_rules_free (rules);

  /* Defaults are not written: nothing to replicate until someone decides. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM setting"), ==, 0);
}

static void
test_set (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *mode = NULL;
  gint64 log_before;

  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_SHOP_NAME, "  La Coop du Canal ", &error));
  g_assert_no_error (error);
  name = comptoir_settings_dup (f->db, COMPTOIR_SETTING_SHOP_NAME);
  g_assert_cmpstr (name, ==, "La Coop du Canal");
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE tbl = 'setting' AND row_id = 'shop.name'"), ==, 1);

  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_SHOP_MODE, "farm", &error));
  mode = comptoir_settings_dup (f->db, COMPTOIR_SETTING_SHOP_MODE);
  g_assert_cmpstr (mode, ==, "farm");

  /* Refused values leave everything as it was. */
  log_before = fixture_query_int (f->db, "SELECT count (*) FROM change_log");
  g_assert_false (comptoir_settings_set (f->db, COMPTOIR_SETTING_SHOP_MODE, "supermarket", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_settings_set (f->db, COMPTOIR_SETTING_RECEIPT_COLUMNS, "40", &error));
  g_clear_error (&error);
  g_assert_false (comptoir_settings_set (f->db, COMPTOIR_SETTING_TILL_LOCK_AFTER, "-5", &error));
  g_clear_error (&error);
  g_assert_false (comptoir_settings_set (f->db, COMPTOIR_SETTING_PAYMENT_METHODS, "cash,bitcoin", &error));
  g_assert_nonnull (strstr (error->message, "bitcoin"));
  g_clear_error (&error);
  g_assert_false (comptoir_settings_set (f->db, COMPTOIR_SETTING_SCALE_RULES, "[{\"prefix\": \"2x\"}]", &error));
  g_clear_error (&error);
  g_assert_false (comptoir_settings_set (f->db, "shop.colour", "blue", &error));
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, log_before);
  g_free (mode);
  mode = comptoir_settings_dup (f->db, COMPTOIR_SETTING_SHOP_MODE);
  g_assert_cmpstr (mode, ==, "farm");
}

/* A shop whose scales print "28" codes with the price in cents. */
static void
test_scale_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ComptoirScaleRules *rules = comptoir_scale_rules_new ();
  ComptoirScaleRule rule = {
    .prefix = "28", .item_start = 2, .item_len = 5, .value_start = 7, .value_len = 5,
    .decimals = 2, .kind = COMPTOIR_SCALE_PRICE,
  };
  g_autofree char *json = NULL;
  ComptoirScaleRules *loaded;

  g_assert_true (comptoir_scale_rules_append (rules, &rule, &error));
  json = comptoir_scale_rules_to_json (rules);
  comptoir_scale_rules_free (rules);
  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_SCALE_RULES, json, &error));
  g_assert_no_error (error);

  loaded = comptoir_settings_load_scale_rules (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (loaded), ==, 1);
  g_assert_cmpstr (comptoir_scale_rules_get_rule (loaded, 0)->prefix, ==, "28");
  comptoir_scale_rules_free (loaded);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/comptoir/core/settings/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/comptoir/core/settings/set", Fixture, NULL, fixture_set_up, test_set, fixture_tear_down);
  g_test_add ("/comptoir/core/settings/scale-rules", Fixture, NULL, fixture_set_up, test_scale_rules, fixture_tear_down);
  return g_test_run ();
}
