/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-cli-member-record.h"
#include "comptoir-cli-private.h"

/* comptoir-cli member: the record and life events of a member, for the
 * office's scripts (bringing members over from another system) and for
 * support. Members are named by their number, as people say them. */

static gboolean
parse_int (const char *text,
           gint64      min,
           gint64      max,
           gint64     *out)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

/* --on YYYY-MM-DD, today without it. */
static gboolean
parse_on (int          argc,
          char       **argv,
          ComptoirDay *out)
{
  const char *on = comptoir_cli_option_value (argc, argv, "--on");

  *out = on != NULL ? comptoir_day_from_iso (on) : comptoir_day_today ();
  return *out != COMPTOIR_DAY_NONE;
}

static gboolean
member_id (ComptoirDb  *db,
           const char  *number_text,
           char        *out,
           GError     **error)
{
  g_auto (ComptoirMemberAtTill) member = { 0 };
  gint64 number;

  if (!parse_int (number_text, 1, G_MAXINT64, &number))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("“%s” is not a member number: give it as digits, such as 42."), number_text);
      return FALSE;
    }
  if (!comptoir_member_lookup_number (db, number, &member, error))
    return FALSE;
  g_strlcpy (out, member.id, COMPTOIR_ID_LEN + 1);
  return TRUE;
}

static void
print_day (const char  *label,
           ComptoirDay  day)
{
  char text[11];

  if (day == COMPTOIR_DAY_NONE)
    return;
  comptoir_day_to_iso (day, text);
  g_print ("%s: %s\n", label, text);
}

static void
print_text (const char *label,
            const char *text)
{
  if (text != NULL && text[0] != '\0')
    g_print ("%s: %s\n", label, text);
}

static void
print_shares (const ComptoirShares *shares)
{
  g_autofree char *capital = comptoir_money_format (shares->capital);
  g_autofree char *paid = comptoir_money_format (shares->paid);
  g_autofree char *owed = comptoir_money_format (ABS (shares->capital - shares->paid));

  /* Translators: "Shares: 2 (20.00 €), paid 10.00 €, owed 10.00 €" */
  g_print (_("Shares: %lld (%s €), paid %s €"), (long long) shares->n_shares, capital, paid);
  if (shares->capital > shares->paid)
    g_print (_(", owed %s €"), owed);
  else if (shares->capital < shares->paid)
    g_print (_(", to pay back %s €"), owed);
  g_print ("\n");
}

gboolean
comptoir_cli_member_print_record (ComptoirDb  *db,
                                  const char  *id,
                                  GError     **error)
{
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_auto (ComptoirShares) shares = { 0 };
  g_autoptr (GArray) household = NULL;

  if (!comptoir_member_record_load (db, id, &record, error) ||
      !comptoir_member_household_list (db, id, &household, error) ||
      !comptoir_member_shares_load (db, id, &shares, error))
    return FALSE;

  if (record.anonymised)
    g_print ("%s\n", _("Anonymised: the personal details were erased."));
  print_text (_("Card"), record.card_barcode);
  print_text (_("E-mail"), record.email);
  print_text (_("Phone"), record.phone);
  print_text (_("Address"), record.address);
  print_day (_("Born"), record.birth_date);
  print_day (_("Joined"), record.join_date);
  print_day (_("Left"), record.left_on);
  print_text (_("Notes"), record.notes);
  for (guint i = 0; i < household->len; i++)
    {
      const ComptoirHouseholdPerson *person = &g_array_index (household, ComptoirHouseholdPerson, i);

      /* Translators: a person of the member's household, with the id to remove them */
      g_print (_("Household: %s %s (%s)\n"), person->first_name, person->last_name, person->id);
    }
  print_shares (&shares);
  return TRUE;
}

static int
member_add (ComptoirDb  *db,
            int          argc,
            char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_autofree char *id = NULL;
  const char *shares = comptoir_cli_option_value (argc, argv, "--shares");
  const char *number = comptoir_cli_option_value (argc, argv, "--number");
  gint64 n_shares = 0;

  record.first_name = g_strdup (comptoir_cli_option_value (argc, argv, "--first"));
  record.last_name = g_strdup (comptoir_cli_option_value (argc, argv, "--last"));
  record.email = g_strdup (comptoir_cli_option_value (argc, argv, "--email"));
  record.phone = g_strdup (comptoir_cli_option_value (argc, argv, "--phone"));
  if (record.first_name == NULL || record.last_name == NULL ||
      (shares != NULL && !parse_int (shares, 0, 10000, &n_shares)) ||
      (number != NULL && !parse_int (number, 1, G_MAXINT32, &record.number)))
    return 2;

  if (!(id = comptoir_member_join (db, &record, (guint) n_shares, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  comptoir_member_record_clear (&record);
  if (!comptoir_member_record_load (db, id, &record, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  /* Translators: "Member 42: Marie Dupont, card 2990000000422" */
  g_print (_("Member %lld: %s %s, card %s\n"), (long long) record.number, record.first_name, record.last_name,
           record.card_barcode);
  return 0;
}

static int
member_import (ComptoirDb  *db,
               int          argc,
               char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (ComptoirImportReport) report = NULL;
  g_autofree char *text = NULL;
  gboolean dry_run = FALSE;
  const char *path = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (path == NULL)
        path = argv[i];
      else
        return 2;
    }
  if (path == NULL)
    return 2;

  file = g_file_new_for_commandline_arg (path);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)) ||
      !(report = comptoir_member_import (db, bytes, dry_run, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  text = comptoir_import_report_format (report);
  g_print ("%s\n", text);
  return comptoir_import_report_get_n_rejected (report) > 0 ? 1 : 0;
}

/* number, name and "left" for those who left, tab-separated. */
static int
member_search (ComptoirDb *db,
               const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) hits = NULL;

  if (!comptoir_member_search (db, text, 0, &hits, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  for (guint i = 0; i < hits->len; i++)
    {
      const ComptoirMemberHit *hit = &g_array_index (hits, ComptoirMemberHit, i);

      /* Translators: in a list of members, one who left the cooperative */
      g_print ("%lld\t%s\t%s\n", (long long) hit->number, hit->name, hit->left ? _("left") : "");
    }
  return 0;
}

static int
member_export (ComptoirDb *db,
               const char *number)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  char id[COMPTOIR_ID_LEN + 1];

  if (!member_id (db, number, id, &error) || !(json = comptoir_member_export_json (db, id, &error)))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print ("%s\n", json);
  return 0;
}

static int
member_anonymise (ComptoirDb  *db,
                  int          argc,
                  char       **argv)
{
  g_autoptr (GError) error = NULL;
  char id[COMPTOIR_ID_LEN + 1];

  if (!member_id (db, argv[1], id, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  if (!comptoir_cli_has_flag (argc, argv, "--yes"))
    {
      g_printerr (_("comptoir-cli: anonymising member %s is irreversible: their name, contact, "
                    "photo, card and household are erased for good (their number, counter, shares "
                    "and tickets stay). Run the command again with --yes to do it.\n"), argv[1]);
      return 1;
    }
  if (!comptoir_member_anonymise (db, id, NULL, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  g_print (_("Member %s is anonymised.\n"), argv[1]);
  return 0;
}

static int
member_merge (ComptoirDb  *db,
              int          argc,
              char       **argv)
{
  g_autoptr (GError) error = NULL;
  char absorbed[COMPTOIR_ID_LEN + 1], surviving[COMPTOIR_ID_LEN + 1];
  ComptoirDay on;

  if (argc < 3 || !parse_on (argc, argv, &on))
    return 2;
  if (!member_id (db, argv[1], absorbed, &error) || !member_id (db, argv[2], surviving, &error) ||
      !comptoir_member_merge_accounts (db, absorbed, surviving, on, NULL, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  /* Translators: "Member 12 is merged into member 7." */
  g_print (_("Member %s is merged into member %s.\n"), argv[1], argv[2]);
  return 0;
}

static int
member_leave (ComptoirDb  *db,
              int          argc,
              char       **argv)
{
  g_autoptr (GError) error = NULL;
  char id[COMPTOIR_ID_LEN + 1];
  ComptoirDay on;

  if (!parse_on (argc, argv, &on))
    return comptoir_cli_usage_error (_("give the day as --on YYYY-MM-DD, such as --on 2026-03-14."));
  if (!member_id (db, argv[1], id, &error) ||
      !comptoir_member_leave (db, id, on, comptoir_cli_has_flag (argc, argv, "--refund-shares"), &error) ||
      !comptoir_cli_member_print_record (db, id, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  return 0;
}

static int
member_shares (ComptoirDb  *db,
               int          argc,
               char       **argv)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirShares) shares = { 0 };
  char id[COMPTOIR_ID_LEN + 1], other[COMPTOIR_ID_LEN + 1];
  ComptoirDay on;
  gint64 n, amount;
  gboolean ok;

  if (argc < 4 || !parse_on (argc, argv, &on))
    return 2;
  if (!member_id (db, argv[1], id, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (g_str_equal (argv[2], "subscribe") && parse_int (argv[3], 1, 10000, &n))
    ok = comptoir_member_shares_subscribe (db, id, (guint) n, on, &error);
  else if (g_str_equal (argv[2], "pay") && argc >= 5 && comptoir_money_parse (argv[3], &amount))
    ok = comptoir_member_shares_pay (db, id, amount, argv[4], on, &error);
  else if (g_str_equal (argv[2], "transfer") && argc >= 5 && parse_int (argv[3], 1, 10000, &n))
    ok = member_id (db, argv[4], other, &error) &&
         comptoir_member_shares_transfer (db, id, other, (guint) n, on, &error);
  else
    return 2;

  if (!ok || !comptoir_member_shares_load (db, id, &shares, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));
  print_shares (&shares);
  return 0;
}

static int
member_household (ComptoirDb  *db,
                  int          argc,
                  char       **argv)
{
  g_autoptr (GError) error = NULL;
  char id[COMPTOIR_ID_LEN + 1];

  if (argc < 4)
    return 2;
  if (!member_id (db, argv[1], id, &error))
    return comptoir_cli_fail (g_steal_pointer (&error));

  if (g_str_equal (argv[2], "add") && argc >= 5)
    {
      const char *born = comptoir_cli_option_value (argc, argv, "--born");
      ComptoirDay birth = born != NULL ? comptoir_day_from_iso (born) : COMPTOIR_DAY_NONE;
      g_autofree char *person = NULL;

      if (born != NULL && birth == COMPTOIR_DAY_NONE)
        return comptoir_cli_usage_error (_("give the birth date as --born YYYY-MM-DD."));
      if (!(person = comptoir_member_household_add (db, id, argv[3], argv[4], birth, &error)))
        return comptoir_cli_fail (g_steal_pointer (&error));
      g_print ("%s\n", person);
      return 0;
    }
  if (g_str_equal (argv[2], "remove"))
    {
      if (!comptoir_member_household_remove (db, argv[3], &error))
        return comptoir_cli_fail (g_steal_pointer (&error));
      return 0;
    }
  return 2;
}

gboolean
comptoir_cli_member_record (ComptoirDb  *db,
                            int          argc,
                            char       **argv,
                            int         *out_status)
{
  const char *command = argc > 0 ? argv[0] : "";

  if (g_str_equal (command, "add"))
    *out_status = member_add (db, argc, argv);
  else if (g_str_equal (command, "import"))
    *out_status = member_import (db, argc - 1, argv + 1);
  else if (g_str_equal (command, "search"))
    *out_status = argc == 2 ? member_search (db, argv[1]) : 2;
  else if (g_str_equal (command, "export"))
    *out_status = argc == 2 ? member_export (db, argv[1]) : 2;
  else if (g_str_equal (command, "anonymise") || g_str_equal (command, "anonymize"))
    *out_status = argc >= 2 ? member_anonymise (db, argc, argv) : 2;
  else if (g_str_equal (command, "merge"))
    *out_status = member_merge (db, argc, argv);
  else if (g_str_equal (command, "leave"))
    *out_status = argc >= 2 ? member_leave (db, argc, argv) : 2;
  else if (g_str_equal (command, "shares"))
    *out_status = member_shares (db, argc, argv);
  else if (g_str_equal (command, "household"))
    *out_status = member_household (db, argc, argv);
  else
    return FALSE;
  return TRUE;
}
