/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static GBytes *
load_data (const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static ComptoirImportReport *
import_file (Fixture    *f,
             const char *name,
             gboolean    dry_run)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = load_data (name);
  ComptoirImportReport *report = comptoir_member_import (f->db, bytes, dry_run, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static ComptoirImportReport *
import_text (Fixture    *f,
             const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));
  ComptoirImportReport *report = comptoir_member_import (f->db, bytes, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
load_by_number (Fixture              *f,
                gint64                number,
                ComptoirMemberRecord *out)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberAtTill) member = { 0 };

  g_assert_true (comptoir_member_lookup_number (f->db, number, &member, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_member_record_load (f->db, member.id, out, &error));
  g_assert_no_error (error);
}

static void
assert_counts (ComptoirImportReport *report,
               guint                 created,
               guint                 updated,
               guint                 unchanged,
               guint                 rejected)
{
  g_assert_cmpuint (comptoir_import_report_get_n_created (report), ==, created);
  g_assert_cmpuint (comptoir_import_report_get_n_updated (report), ==, updated);
  g_assert_cmpuint (comptoir_import_report_get_n_unchanged (report), ==, unchanged);
  g_assert_cmpuint (comptoir_import_report_get_n_rejected (report), ==, rejected);
}

/* An export of Odoo's res.partner: "name" is the whole name, "phone" and
 * "mobile" both there, "barcode_base" the member number, "barcode" the
 * card. Imported again: unchanged. */
static void
test_odoo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirImportReport) dry = import_file (f, "members-odoo.csv", TRUE);
  g_autoptr (ComptoirImportReport) report = NULL;
  g_autoptr (ComptoirImportReport) again = NULL;
  g_autofree char *text = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  const char * const *ignored;

  /* A trial run counts and writes nothing. */
  assert_counts (dry, 3, 0, 0, 0);
  g_assert_true (comptoir_import_report_get_dry_run (dry));
  g_assert_false (comptoir_import_report_get_committed (dry));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 0);

  report = import_file (f, "members-odoo.csv", FALSE);
  assert_counts (report, 3, 0, 0, 0);
  g_assert_true (comptoir_import_report_get_committed (report));
  ignored = comptoir_import_report_get_ignored_columns (report);
  g_assert_cmpstr (ignored[0], ==, "id");
  g_assert_cmpstr (ignored[1], ==, "is_member");
  g_assert_null (ignored[2]);
  text = comptoir_import_report_format (report);
  g_assert_nonnull (strstr (text, "The members are saved."));

  /* "DUPONT Marie": the last name in capitals comes first. */
  load_by_number (f, 1, &record);
  g_assert_cmpstr (record.first_name, ==, "Marie");
  g_assert_cmpstr (record.last_name, ==, "DUPONT");
  g_assert_cmpstr (record.email, ==, "marie.dupont@example.org");
  g_assert_cmpstr (record.phone, ==, "01 23 45 67 89");
  g_assert_cmpstr (record.address, ==, "3 rue des Lilas, 75020 Paris");
  g_assert_cmpstr (record.card_barcode, ==, "2990000000019");
  g_assert_cmpint (record.birth_date, ==, comptoir_day_from_iso ("1985-04-12"));
  g_assert_cmpint (record.participation, ==, COMPTOIR_PARTICIPATION_STANDARD);
  comptoir_member_record_clear (&record);

  /* "Martin, Paul", the mobile when there is no phone, ftop is flying. */
  load_by_number (f, 2, &record);
  g_assert_cmpstr (record.first_name, ==, "Paul");
  g_assert_cmpstr (record.last_name, ==, "Martin");
  g_assert_cmpstr (record.phone, ==, "06 55 44 33 22");
  g_assert_cmpint (record.participation, ==, COMPTOIR_PARTICIPATION_FLYING);
  comptoir_member_record_clear (&record);

  /* No card in the file: the shop's card. Odoo's date with a time. */
  load_by_number (f, 3, &record);
  g_assert_cmpstr (record.first_name, ==, "Hélène");
  g_assert_cmpstr (record.last_name, ==, "LEFÈVRE-DURAND");
  g_assert_cmpstr (record.card_barcode, ==, "2990000000033");
  g_assert_cmpint (record.birth_date, ==, comptoir_day_from_iso ("1990-12-01"));
  g_assert_cmpint (record.participation, ==, COMPTOIR_PARTICIPATION_EXEMPT);
  comptoir_member_record_clear (&record);

  /* The same file again changes nothing, and logs nothing. */
  {
    gint64 n_log = fixture_query_int (f->db, "SELECT count (*) FROM change_log");

    again = import_file (f, "members-odoo.csv", FALSE);
    assert_counts (again, 0, 0, 3, 0);
    g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, n_log);
  }
}

/* A French spreadsheet saved by Excel: Windows-1252, ";", DD/MM/YYYY,
 * shares, "volant"; a line without a number takes the next one. */
static void
test_french_spreadsheet (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirImportReport) report = import_file (f, "members-fr-1252.csv", FALSE);
  g_autoptr (ComptoirImportReport) update = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_auto (ComptoirShares) shares = { 0 };

  assert_counts (report, 3, 0, 0, 0);
  g_assert_cmpstr (comptoir_import_report_get_encoding (report), ==, "Windows-1252");
  g_assert_cmpint (comptoir_import_report_get_delimiter (report), ==, ';');

  load_by_number (f, 10, &record);
  g_assert_cmpstr (record.last_name, ==, "Lefèvre");
  g_assert_cmpint (record.birth_date, ==, comptoir_day_from_iso ("1985-04-12"));
  g_assert_cmpint (record.join_date, ==, comptoir_day_from_iso ("2022-01-03"));
  g_assert_true (comptoir_member_shares_load (f->db, record.id, &shares, &error));
  g_assert_cmpint (shares.n_shares, ==, 2);
  /* Subscribed on the day they joined. */
  g_assert_cmpint (g_array_index (shares.movements, ComptoirSharesMovement, 0).on, ==,
                   comptoir_day_from_iso ("2022-01-03"));
  comptoir_shares_clear (&shares);
  comptoir_member_record_clear (&record);

  load_by_number (f, 11, &record);
  g_assert_cmpstr (record.first_name, ==, "François");
  g_assert_cmpstr (record.last_name, ==, "Garçon");
  g_assert_cmpint (record.participation, ==, COMPTOIR_PARTICIPATION_FLYING);
  comptoir_member_record_clear (&record);

  load_by_number (f, 12, &record);
  g_assert_cmpstr (record.last_name, ==, "Müller");
  g_assert_cmpint (record.participation, ==, COMPTOIR_PARTICIPATION_EXEMPT);
  comptoir_member_record_clear (&record);

  /* A later file updates by number; blank cells keep what is stored,
   * and shares are only added. */
  update = import_text (f, "Numéro;Nom;Prénom;Téléphone;Parts\n"
                           "10;Lefèvre;Hélène;;3\n"
                           "11;Garçon;François;07 98 76 54 32;\n");
  assert_counts (update, 0, 1, 1, 0);
  load_by_number (f, 10, &record);
  g_assert_cmpstr (record.phone, ==, "06 12 34 56 78");
  g_assert_true (comptoir_member_shares_load (f->db, record.id, &shares, &error));
  g_assert_cmpint (shares.n_shares, ==, 3);
  comptoir_shares_clear (&shares);
  comptoir_member_record_clear (&record);

  g_clear_pointer (&update, comptoir_import_report_free);
  update = import_text (f, "Numéro;Nom;Prénom;Parts\n10;Lefèvre;Hélène;1\n");
  assert_counts (update, 0, 0, 0, 1);
  g_assert_cmpuint (comptoir_import_report_get_rejected_line (update, 0), ==, 2);
  g_assert_nonnull (strstr (comptoir_import_report_get_rejected_reason (update, 0), "only adds shares"));
}

/* Every bad line is said with its line number, and nothing of the file
 * is written, not even its good line. */
static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (ComptoirImportReport) report = import_file (f, "members-errors.csv", FALSE);
  static const struct { guint line; const char *says; } expected[] = {
    { 3, "first name and last name" },
    { 4, "2024-02-30" },
    { 5, "not an e-mail address" },
    { 6, "also on line 2" },
    { 7, "check its last digit" },
  };
  g_autofree char *text = NULL;

  assert_counts (report, 1, 0, 0, G_N_ELEMENTS (expected));
  g_assert_false (comptoir_import_report_get_committed (report));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpuint (comptoir_import_report_get_rejected_line (report, i), ==, expected[i].line);
      g_assert_nonnull (strstr (comptoir_import_report_get_rejected_reason (report, i), expected[i].says));
    }
  text = comptoir_import_report_format (report);
  g_assert_nonnull (strstr (text, "Line 7: "));
  g_assert_nonnull (strstr (text, "Nothing was imported"));

  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, 0);
}

static void
test_file_problems (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *no_name_text = "Numéro;Email\n1;a@b.fr\n";
  const char *twice_text = "Nom;Name;Prénom\nA;B;C\n";
  g_autoptr (GBytes) no_name = g_bytes_new_static (no_name_text, strlen (no_name_text));
  g_autoptr (GBytes) twice = g_bytes_new_static (twice_text, strlen (twice_text));
  g_autoptr (ComptoirImportReport) report = NULL;

  g_assert_null (comptoir_member_import (f->db, no_name, FALSE, &error));
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MISSING_COLUMNS);
  g_clear_error (&error);
  g_assert_null (comptoir_member_import (f->db, twice, FALSE, &error));
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_AMBIGUOUS_COLUMNS);
  g_clear_error (&error);

  /* A card that is already another member's. */
  report = import_text (f, "Nom;Prénom;Code-barres\nDupont;Marie;2990000000019\n");
  assert_counts (report, 1, 0, 0, 0);
  g_clear_pointer (&report, comptoir_import_report_free);
  report = import_text (f, "Nom;Prénom;Code-barres\nMartin;Paul;2990000000019\n");
  assert_counts (report, 0, 0, 0, 1);
  g_assert_nonnull (strstr (comptoir_import_report_get_rejected_reason (report, 0), "member 1’s"));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/comptoir/core/member-import/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("odoo", test_odoo);
  ADD ("french-spreadsheet", test_french_spreadsheet);
  ADD ("errors", test_errors);
  ADD ("file-problems", test_file_problems);
#undef ADD

  return g_test_run ();
}
