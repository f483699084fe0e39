/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-core.h"

static ComptoirCsv *
parse_string (const char  *text,
              GError     **error)
{
  return comptoir_csv_parse_data (text, strlen (text), error);
}

static void
assert_record (ComptoirCsv        *csv,
               guint               index,
               guint               line,
               const char * const *expected)
{
  const char * const *fields = comptoir_csv_get_record (csv, index);

  g_assert_cmpuint (comptoir_csv_get_line (csv, index), ==, line);
  g_assert_cmpuint (comptoir_csv_get_n_fields (csv, index), ==, g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (fields[i], ==, expected[i]);
}

#define FIELDS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
test_semicolon (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv =
    parse_string ("code;nom;prix\nA1;Pâtes, complètes;2,35\nA2;Riz;1,10\n", &error);

  g_assert_no_error (error);
  g_assert_cmpint (comptoir_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpstr (comptoir_csv_get_encoding (csv), ==, "UTF-8");
  g_assert_false (comptoir_csv_get_had_bom (csv));
  g_assert_cmpuint (comptoir_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 0, 1, FIELDS ("code", "nom", "prix"));
  assert_record (csv, 1, 2, FIELDS ("A1", "Pâtes, complètes", "2,35"));
  assert_record (csv, 2, 3, FIELDS ("A2", "Riz", "1,10"));
}

static void
test_comma (void)
{
  g_autoptr (GError) error = NULL;
  /* The header has a ';' inside quotes: it must not win. */
  g_autoptr (ComptoirCsv) csv =
    parse_string ("code,\"nom;libellé\",prix\r\nA1,\"Pâtes, complètes\",2.35\r\nA2,Riz,1.10", &error);

  g_assert_no_error (error);
  g_assert_cmpint (comptoir_csv_get_delimiter (csv), ==, ',');
  g_assert_cmpuint (comptoir_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 0, 1, FIELDS ("code", "nom;libellé", "prix"));
  assert_record (csv, 1, 2, FIELDS ("A1", "Pâtes, complètes", "2.35"));
  /* No newline at the end of the file. */
  assert_record (csv, 2, 3, FIELDS ("A2", "Riz", "1.10"));
}

static void
test_tab (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv = parse_string ("code\tnom\tprix\nA1\tPâtes, 500 g\t2,35\n", &error);

  g_assert_no_error (error);
  g_assert_cmpint (comptoir_csv_get_delimiter (csv), ==, '\t');
  assert_record (csv, 1, 2, FIELDS ("A1", "Pâtes, 500 g", "2,35"));
}

static void
test_sep_hint (void)
{
  g_autoptr (GError) error = NULL;
  /* Excel's first line names the separator; it is not data. */
  g_autoptr (ComptoirCsv) csv = parse_string ("sep=,\r\ncode,nom;x\r\nA1,Riz;y\r\n", &error);

  g_assert_no_error (error);
  g_assert_cmpint (comptoir_csv_get_delimiter (csv), ==, ',');
  g_assert_cmpuint (comptoir_csv_get_n_records (csv), ==, 2);
  assert_record (csv, 0, 2, FIELDS ("code", "nom;x"));
  assert_record (csv, 1, 3, FIELDS ("A1", "Riz;y"));
}

static void
test_bom (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv = parse_string ("\xef\xbb\xbf" "code;nom\nA1;Œufs\n", &error);

  g_assert_no_error (error);
  g_assert_true (comptoir_csv_get_had_bom (csv));
  g_assert_cmpstr (comptoir_csv_get_encoding (csv), ==, "UTF-8");
  /* The BOM is not part of the first column's name. */
  assert_record (csv, 0, 1, FIELDS ("code", "nom"));
  assert_record (csv, 1, 2, FIELDS ("A1", "Œufs"));
}

static void
test_windows_1252 (void)
{
  /* As French Excel saves it: "Pâtes" with â = 0xE2, "€" = 0x80,
   * "Œufs" with Œ = 0x8C, "é" = 0xE9. */
  static const char data[] = "Libell\xe9;Prix\r\nP\xe2tes;2,35 \x80\r\n\x8cufs;3,10 \x80\r\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr (ComptoirCsv) csv = comptoir_csv_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_csv_get_encoding (csv), ==, "Windows-1252");
  g_assert_cmpint (comptoir_csv_get_delimiter (csv), ==, ';');
  assert_record (csv, 0, 1, FIELDS ("Libellé", "Prix"));
  assert_record (csv, 1, 2, FIELDS ("Pâtes", "2,35 €"));
  assert_record (csv, 2, 3, FIELDS ("Œufs", "3,10 €"));
}

static void
test_not_text (void)
{
  /* 0x81 has no character in Windows-1252. */
  static const char data[] = "nom;prix\nRiz;1\nP\x81tes;2\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv = comptoir_csv_parse_data (data, sizeof data - 1, &error);

  g_assert_null (csv);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_binary (void)
{
  static const char data[] = "nom;prix\nRiz\0;1\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv = comptoir_csv_parse_data (data, sizeof data - 1, &error);

  g_assert_null (csv);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_utf16 (void)
{
  /* Excel's "Unicode text": UTF-16LE with a BOM, tab-separated. */
  static const char data[] = "\xff\xfe" "n\0o\0m\0\t\0p\0r\0i\0x\0\r\0\n\0" "P\0\xe2\0t\0e\0s\0\t\0" "2\0\r\0\n\0";
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv = comptoir_csv_parse_data (data, sizeof data - 1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_csv_get_encoding (csv), ==, "UTF-16");
  g_assert_cmpint (comptoir_csv_get_delimiter (csv), ==, '\t');
  assert_record (csv, 1, 2, FIELDS ("Pâtes", "2"));
}

static void
test_quoted (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv =
    parse_string ("code;nom;note\n"
                  "A1;\"Pâtes; complètes\";\"dit \"\"bio\"\"\"\n"
                  "A2;\"Riz\nlong\r\ngrain\";\n"
                  "A3; \"Thé\" ;\"\"\n"
                  "\n"
                  "A4;Sel;12\" rond\n",
                  &error);

  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_csv_get_n_records (csv), ==, 5);
  assert_record (csv, 1, 2, FIELDS ("A1", "Pâtes; complètes", "dit \"bio\""));
  /* Line breaks inside a value are kept (as \n) and counted. */
  assert_record (csv, 2, 3, FIELDS ("A2", "Riz\nlong\ngrain", ""));
  /* Blanks around a quoted value are tolerated. */
  assert_record (csv, 3, 6, FIELDS ("A3", "Thé", ""));
  /* The blank line 7 is no record; a quote inside a bare value is text. */
  assert_record (csv, 4, 8, FIELDS ("A4", "Sel", "12\" rond"));
}

static void
test_line_endings (void)
{
  g_autoptr (GError) error = NULL;
  /* CRLF, LF and an old Mac CR, mixed. */
  g_autoptr (ComptoirCsv) csv = parse_string ("a;b\r\n1;2\n3;4\r5;6\r\n\r\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_csv_get_n_records (csv), ==, 4);
  assert_record (csv, 1, 2, FIELDS ("1", "2"));
  assert_record (csv, 2, 3, FIELDS ("3", "4"));
  assert_record (csv, 3, 4, FIELDS ("5", "6"));
}

static void
test_empty_fields (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv = parse_string ("a;b;c\n;;\n1;;\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_csv_get_n_records (csv), ==, 3);
  assert_record (csv, 1, 2, FIELDS ("", "", ""));
  assert_record (csv, 2, 3, FIELDS ("1", "", ""));
}

static void
test_unterminated_quote (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv =
    parse_string ("code;nom\nA1;Riz\nA2;\"Pâtes\nA3;Sel\nA4;Thé\n", &error);

  g_assert_null (csv);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MALFORMED);
  /* The line where the quote opens, not the end of the file. */
  g_assert_nonnull (strstr (error->message, "Line 3:"));
  g_assert_nonnull (strstr (error->message, "quote"));
}

static void
test_text_after_quote (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv =
    parse_string ("code;nom\nA1;\"multi\nligne\"\nA2;\"Pâtes\" fraîches;2\n", &error);

  g_assert_null (csv);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "Line 4:"));
}

static void
test_empty (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirCsv) csv = parse_string ("\n\r\n", &error);

  g_assert_null (csv);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_EMPTY);

  g_clear_error (&error);
  csv = comptoir_csv_parse_data (NULL, 0, &error);
  g_assert_null (csv);
  g_assert_error (error, COMPTOIR_CSV_ERROR, COMPTOIR_CSV_ERROR_EMPTY);
}

static void
test_fixture_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "products-excel-fr.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (ComptoirCsv) csv = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  csv = comptoir_csv_parse_data (data, len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_csv_get_encoding (csv), ==, "Windows-1252");
  g_assert_cmpint (comptoir_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpstr (comptoir_csv_get_record (csv, 1)[1], ==, "Pâtes complètes");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/comptoir/core/csv/semicolon", test_semicolon);
  g_test_add_func ("/comptoir/core/csv/comma", test_comma);
  g_test_add_func ("/comptoir/core/csv/tab", test_tab);
  g_test_add_func ("/comptoir/core/csv/sep-hint", test_sep_hint);
  g_test_add_func ("/comptoir/core/csv/bom", test_bom);
  g_test_add_func ("/comptoir/core/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/comptoir/core/csv/not-text", test_not_text);
  g_test_add_func ("/comptoir/core/csv/binary", test_binary);
  g_test_add_func ("/comptoir/core/csv/utf16", test_utf16);
  g_test_add_func ("/comptoir/core/csv/quoted", test_quoted);
  g_test_add_func ("/comptoir/core/csv/line-endings", test_line_endings);
  g_test_add_func ("/comptoir/core/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/comptoir/core/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/comptoir/core/csv/text-after-quote", test_text_after_quote);
  g_test_add_func ("/comptoir/core/csv/empty", test_empty);
  g_test_add_func ("/comptoir/core/csv/fixture-file", test_fixture_file);

  return g_test_run ();
}
