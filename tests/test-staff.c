/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static ComptoirStaff *
create (Fixture           *f,
        const char        *name,
        ComptoirStaffRole  role,
        const char        *pin)
{
  g_autoptr (GError) error = NULL;
  ComptoirStaff *staff = comptoir_staff_create (f->db, name, role, pin, &error);

  g_assert_no_error (error);
  g_assert_nonnull (staff);
  return staff;
}

static char *
stored_hash (Fixture       *f,
             ComptoirStaff *staff)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (f->db, "SELECT pin_hash FROM staff WHERE id = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, comptoir_staff_get_id (staff), -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_create_and_verify (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStaff) zoe = NULL;
  g_autoptr (ComptoirStaff) yann = NULL;
  g_autoptr (ComptoirStaff) found = NULL;
  g_autofree char *zoe_hash = NULL;
  g_autofree char *yann_hash = NULL;
  const char *bad_pins[] = { "123", "123456789", "12a4", "12 34", "", "١٢٣٤", NULL };
  ComptoirStaffRole role;

  /* PINs that are not 4 to 8 digits, and a blank name, are refused with
   * nothing written. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_pins); i++)
    {
      g_assert_null (comptoir_staff_create (f->db, "Zoé", COMPTOIR_STAFF_ROLE_CASHIER, bad_pins[i], &error));
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "4 to 8 digits"));
      g_clear_error (&error);
    }
  g_assert_null (comptoir_staff_create (f->db, "  ", COMPTOIR_STAFF_ROLE_CASHIER, "1234", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM staff"), ==, 0);

  zoe = create (f, " Zoé ", COMPTOIR_STAFF_ROLE_CASHIER, "1234");
  yann = create (f, "Yann", COMPTOIR_STAFF_ROLE_CASHIER, "1234");
  g_assert_cmpstr (comptoir_staff_get_name (zoe), ==, "Zoé");
  g_assert_true (comptoir_uuid7_is_valid (comptoir_staff_get_id (zoe)));
  g_assert_true (comptoir_staff_get_active (zoe));

  /* Only a salted hash is stored: the same PIN never looks the same. */
  zoe_hash = stored_hash (f, zoe);
  yann_hash = stored_hash (f, yann);
  g_assert_true (g_str_has_prefix (zoe_hash, "pbkdf2-sha256$5000$"));
  g_assert_null (strstr (zoe_hash, "1234"));
  g_assert_cmpstr (zoe_hash, !=, yann_hash);

  g_assert_true (comptoir_staff_verify_pin (f->db, comptoir_staff_get_id (zoe), "1234", &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_staff_verify_pin (f->db, comptoir_staff_get_id (zoe), "1235", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_staff_verify_pin (f->db, comptoir_staff_get_id (zoe), "12340", &error));
  g_clear_error (&error);
  g_assert_false (comptoir_staff_verify_pin (f->db, comptoir_staff_get_id (zoe), NULL, &error));
  g_clear_error (&error);
  g_assert_false (comptoir_staff_verify_pin (f->db, "no-such-id", "1234", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A new PIN replaces the old one. */
  g_assert_false (comptoir_staff_set_pin (f->db, comptoir_staff_get_id (zoe), "99", &error));
  g_clear_error (&error);
  g_assert_true (comptoir_staff_set_pin (f->db, comptoir_staff_get_id (zoe), "24681357", &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_staff_verify_pin (f->db, comptoir_staff_get_id (zoe), "1234", &error));
  g_clear_error (&error);
  g_assert_true (comptoir_staff_verify_pin (f->db, comptoir_staff_get_id (zoe), "24681357", &error));

  /* Staff replicate: every write went through the change log, and the
   * table refuses writes that bypass it. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM change_log WHERE tbl = 'staff'"), ==, 3);
  g_assert_false (comptoir_db_exec (f->db, "UPDATE staff SET role = 'manager'", &error));
  g_clear_error (&error);

  g_assert_true (comptoir_staff_rename (f->db, comptoir_staff_get_id (zoe), "Zoé Martin", &error));
  found = comptoir_staff_lookup (f->db, comptoir_staff_get_id (zoe), &error);
  g_assert_cmpstr (comptoir_staff_get_name (found), ==, "Zoé Martin");
  g_object_get (found, "role", &role, NULL);
  g_assert_cmpint (role, ==, COMPTOIR_STAFF_ROLE_CASHIER);
}

static void
test_authorize (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);
  g_autoptr (ComptoirStaff) zoe = create (f, "Zoé", COMPTOIR_STAFF_ROLE_CASHIER, "1234");
  g_autoptr (ComptoirStaff) marc = create (f, "Marc", COMPTOIR_STAFF_ROLE_MANAGER, "975310");
  g_autoptr (ComptoirStaff) lise = create (f, "Lise", COMPTOIR_STAFF_ROLE_MANAGER, "8642");
  g_autofree char *approver = NULL;

  approver = comptoir_staff_authorize (f->db, till, "975310", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (approver, ==, comptoir_staff_get_id (marc));
  g_clear_pointer (&approver, g_free);
  approver = comptoir_staff_authorize (f->db, till, "8642", &error);
  g_assert_cmpstr (approver, ==, comptoir_staff_get_id (lise));
  g_clear_pointer (&approver, g_free);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event"), ==, 0);

  /* A cashier's PIN approves nothing, and the attempt is recorded. */
  g_assert_null (comptoir_staff_authorize (f->db, till, "1234", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (comptoir_staff_authorize (f->db, till, "abc", &error));
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'login_failed' "
                                             "AND staff_id IS NULL AND json_extract (details, '$.approval')"), ==, 2);

  /* A manager who left approves nothing. */
  g_assert_true (comptoir_staff_deactivate (f->db, comptoir_staff_get_id (lise), &error));
  g_assert_null (comptoir_staff_authorize (f->db, till, "8642", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Nor can the last manager leave: someone must be able to approve. */
  g_assert_false (comptoir_staff_deactivate (f->db, comptoir_staff_get_id (marc), &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Marc"));
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT active FROM staff WHERE name = 'Marc'"), ==, 1);
  g_assert_true (comptoir_staff_deactivate (f->db, comptoir_staff_get_id (zoe), &error));
}

/* An approval PIN names one manager: nobody may share a manager's PIN. */
static void
test_pin_unique (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStaff) zoe = create (f, "Zoé", COMPTOIR_STAFF_ROLE_CASHIER, "1234");
  g_autoptr (ComptoirStaff) yann = create (f, "Yann", COMPTOIR_STAFF_ROLE_CASHIER, "1234");
  g_autoptr (ComptoirStaff) marc = create (f, "Marc", COMPTOIR_STAFF_ROLE_MANAGER, "975310");

  g_assert_null (comptoir_staff_create (f->db, "Lise", COMPTOIR_STAFF_ROLE_MANAGER, "1234", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (comptoir_staff_create (f->db, "Lise", COMPTOIR_STAFF_ROLE_MANAGER, "975310", &error));
  g_clear_error (&error);
  g_assert_false (comptoir_staff_set_pin (f->db, comptoir_staff_get_id (zoe), "975310", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_staff_verify_pin (f->db, comptoir_staff_get_id (zoe), "1234", &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM staff"), ==, 3);

  /* Setting one's own PIN again is fine. */
  g_assert_true (comptoir_staff_set_pin (f->db, comptoir_staff_get_id (marc), "975310", &error));
  g_assert_no_error (error);
}

static void
test_log_in (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);
  g_autoptr (ComptoirStaff) zoe = create (f, "Zoé", COMPTOIR_STAFF_ROLE_CASHIER, "1234");
  g_autoptr (ComptoirStaff) paul = create (f, "Paul", COMPTOIR_STAFF_ROLE_CASHIER, "5678");
  const char *id = comptoir_staff_get_id (zoe);

  g_assert_false (comptoir_staff_log_in (f->db, till, id, "4321", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Wrong PIN"));
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'login_failed' "
                                             "AND staff_id = (SELECT id FROM staff WHERE name = 'Zoé')"), ==, 1);

  g_assert_true (comptoir_staff_log_in (f->db, till, id, "1234", &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_staff_log_out (f->db, till, id, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action IN ('login', 'logout') "
                                             "AND staff_id = (SELECT id FROM staff WHERE name = 'Zoé')"), ==, 2);

  /* Someone who left cannot log in, even with the right PIN. */
  g_assert_true (comptoir_staff_deactivate (f->db, comptoir_staff_get_id (paul), &error));
  g_assert_false (comptoir_staff_log_in (f->db, till, comptoir_staff_get_id (paul), "5678", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event WHERE action = 'login_failed'"), ==, 2);

  /* An unknown id is the till's mistake, not an attempt. */
  g_assert_false (comptoir_staff_log_in (f->db, till, "no-such-id", "1234", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM audit_event"), ==, 4);
}

static void
test_list_active (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStaff) fanny = create (f, "Fanny", COMPTOIR_STAFF_ROLE_CASHIER, "1111");
  g_autoptr (ComptoirStaff) emile = create (f, "Émile", COMPTOIR_STAFF_ROLE_MANAGER, "22222");
  g_autoptr (ComptoirStaff) denis = create (f, "denis", COMPTOIR_STAFF_ROLE_CASHIER, "3333");
  g_autoptr (ComptoirStaff) gone = create (f, "Albert", COMPTOIR_STAFF_ROLE_CASHIER, "4444");
  g_autoptr (GListModel) list = NULL;
  g_autoptr (ComptoirStaff) second = NULL;
  const char *expected[] = { "denis", "Émile", "Fanny" };

  g_assert_true (comptoir_staff_deactivate (f->db, comptoir_staff_get_id (gone), &error));
  list = comptoir_staff_list_active (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (list) == COMPTOIR_TYPE_STAFF);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr (ComptoirStaff) staff = g_list_model_get_item (list, i);
      g_assert_cmpstr (comptoir_staff_get_name (staff), ==, expected[i]);
    }
  second = g_list_model_get_item (list, 1);
  g_assert_cmpint (comptoir_staff_get_role (second), ==, COMPTOIR_STAFF_ROLE_MANAGER);
  g_assert_cmpstr (comptoir_staff_get_id (second), ==, comptoir_staff_get_id (emile));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/staff/create-and-verify", test_create_and_verify);
  ADD ("/comptoir/core/staff/authorize", test_authorize);
  ADD ("/comptoir/core/staff/pin-unique", test_pin_unique);
  ADD ("/comptoir/core/staff/log-in", test_log_in);
  ADD ("/comptoir/core/staff/list-active", test_list_active);
  return g_test_run ();
}
