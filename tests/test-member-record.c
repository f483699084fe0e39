/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static char *
join (Fixture    *f,
      gint64      number,
      const char *first,
      const char *last,
      const char *email,
      guint       n_shares)
{
  g_autoptr (GError) error = NULL;
  ComptoirMemberRecord record = { { 0 } };
  char *id;

  record.number = number;
  record.first_name = (char *) first;
  record.last_name = (char *) last;
  record.email = (char *) email;
  id = comptoir_member_join (f->db, &record, n_shares, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static gint64
count_where (Fixture    *f,
             const char *sql,
             const char *id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirStmt) stmt = comptoir_db_prepare (f->db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_join (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *first = join (f, 0, "Marie", "Dupont", "marie@example.org", 2);
  g_autofree char *second = join (f, 0, "Paul", "Martin", NULL, 0);
  g_autofree char *tenth = join (f, 10, "Léa", "Moreau", NULL, 0);
  g_autofree char *next = join (f, 0, "Ali", "Benali", NULL, 1);
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_auto (ComptoirShares) shares = { 0 };
  g_autofree char *card = comptoir_member_card_barcode ("299", 1);
  ComptoirMemberRecord bad = { { 0 } };
  char *id;

  g_assert_true (comptoir_member_record_load (f->db, first, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record.number, ==, 1);
  g_assert_cmpstr (record.card_barcode, ==, card);
  g_assert_cmpint (record.join_date, ==, comptoir_day_today ());
  g_assert_cmpint (record.participation, ==, COMPTOIR_PARTICIPATION_STANDARD);
  g_assert_false (record.anonymised);
  comptoir_member_record_clear (&record);

  /* Numbers follow on, a number given is kept, and the next follows it. */
  g_assert_true (comptoir_member_record_load (f->db, second, &record, &error));
  g_assert_cmpint (record.number, ==, 2);
  comptoir_member_record_clear (&record);
  g_assert_true (comptoir_member_record_load (f->db, tenth, &record, &error));
  g_assert_cmpint (record.number, ==, 10);
  g_assert_cmpstr (record.card_barcode, ==, "2990000000101");
  comptoir_member_record_clear (&record);
  g_assert_true (comptoir_member_record_load (f->db, next, &record, &error));
  g_assert_cmpint (record.number, ==, 11);
  {
    g_autofree char *name = comptoir_member_record_get_display_name (&record);
    g_assert_cmpstr (name, ==, "Ali Benali");
  }

  /* The shares are subscribed on the join day at the shop's value. */
  g_assert_true (comptoir_member_shares_load (f->db, first, &shares, &error));
  g_assert_cmpint (shares.n_shares, ==, 2);
  g_assert_cmpint (shares.capital, ==, 2000);
  g_assert_cmpint (shares.paid, ==, 0);
  g_assert_cmpuint (shares.movements->len, ==, 1);
  g_assert_cmpint (g_array_index (shares.movements, ComptoirSharesMovement, 0).on, ==, comptoir_day_today ());

  /* Refused: a number taken, no name, an e-mail that is not one. */
  bad.number = 10;
  bad.first_name = (char *) "Jean";
  bad.last_name = (char *) "Petit";
  id = comptoir_member_join (f->db, &bad, 0, &error);
  g_assert_null (id);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already"));
  g_clear_error (&error);
  bad.number = 0;
  bad.last_name = (char *) "  ";
  bad.email = (char *) "jean.petit";
  g_assert_null (comptoir_member_join (f->db, &bad, 0, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "first name and last name"));
  g_assert_nonnull (strstr (error->message, "not an e-mail address"));
  g_clear_error (&error);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 4);
  /* Nothing half written: four members, two subscriptions. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM share_movement"), ==, 2);
}

static void
test_save (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = join (f, 0, "Marie", "Dupont", NULL, 0);
  g_auto (ComptoirMemberRecord) record = { 0 };
  gint64 n_log;

  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_free (record.phone);
  record.phone = g_strdup (" 06 12 34 56 78 ");
  g_free (record.address);
  record.address = g_strdup ("3 rue des Lilas\n75020 Paris");
  record.birth_date = comptoir_day_from_iso ("1985-04-12");
  g_free (record.notes);
  record.notes = g_strdup ("Préfère les créneaux du samedi");
  n_log = fixture_query_int (f->db, "SELECT count (*) FROM change_log");
  g_assert_true (comptoir_member_record_save (f->db, &record, &error));
  g_assert_no_error (error);
  /* One entry, with only what changed. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, n_log + 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT json_extract (payload, '$.first_name') IS NULL "
                                             "AND json_extract (payload, '$.phone') = '06 12 34 56 78' "
                                             "FROM change_log ORDER BY seq DESC LIMIT 1"), ==, 1);
  /* Saving it again unchanged logs nothing. */
  g_assert_true (comptoir_member_record_save (f->db, &record, &error));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log"), ==, n_log + 1);
  comptoir_member_record_clear (&record);

  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_cmpstr (record.phone, ==, "06 12 34 56 78");
  g_assert_cmpstr (record.address, ==, "3 rue des Lilas\n75020 Paris");
  g_assert_cmpint (record.birth_date, ==, comptoir_day_from_iso ("1985-04-12"));

  /* The name sorts and searches folded, last name first. */
  g_free (record.last_name);
  record.last_name = g_strdup ("Lefèvre");
  g_assert_true (comptoir_member_record_save (f->db, &record, &error));
  g_assert_cmpint (count_where (f, "SELECT sort_key = 'lefevre marie' FROM member WHERE id = ?1", id), ==, 1);

  /* A member keeps their number; a birth day in the future is refused. */
  record.number = 99;
  g_assert_false (comptoir_member_record_save (f->db, &record, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  record.number = 0;
  record.birth_date = comptoir_day_today () + 1;
  g_assert_false (comptoir_member_record_save (f->db, &record, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

static void
test_photo (Fixture       *f,
            gconstpointer  data)
{
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01 };
  static const guchar png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const guchar gif[] = { 'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *id = join (f, 0, "Marie", "Dupont", NULL, 0);
  g_autoptr (GBytes) photo = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr (GBytes) other = g_bytes_new_static (png, sizeof png);
  g_autoptr (GBytes) wrong = g_bytes_new_static (gif, sizeof gif);
  g_autoptr (GBytes) back = NULL;
  g_autoptr (GBytes) big = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  guchar *data_big = g_malloc0 (512 * 1024 + 1);

  memcpy (data_big, jpeg, sizeof jpeg);
  big = g_bytes_new_take (data_big, 512 * 1024 + 1);

  g_assert_null (comptoir_member_get_photo (f->db, id, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (comptoir_member_set_photo (f->db, id, photo, &error));
  g_assert_no_error (error);
  back = comptoir_member_get_photo (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, photo));
  g_assert_cmpint (count_where (f, "SELECT mime = 'image/jpeg' FROM member_photo WHERE id = ?1", id), ==, 1);
  g_assert_true (comptoir_member_set_photo (f->db, id, other, &error));
  g_assert_cmpint (count_where (f, "SELECT mime = 'image/png' FROM member_photo WHERE id = ?1", id), ==, 1);

  /* Neither JPEG nor PNG, or too big: refused, and the photo stays. */
  g_assert_false (comptoir_member_set_photo (f->db, id, wrong, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_member_set_photo (f->db, id, big, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "512 KiB"));
  g_clear_error (&error);
  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_true (record.has_photo);
  comptoir_member_record_clear (&record);

  /* Removed. */
  g_assert_true (comptoir_member_set_photo (f->db, id, NULL, &error));
  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_false (record.has_photo);
  g_assert_null (comptoir_member_get_photo (f->db, id, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
}

static GArray *
search (Fixture    *f,
        const char *text)
{
  g_autoptr (GError) error = NULL;
  GArray *hits = NULL;

  g_assert_true (comptoir_member_search (f->db, text, 20, &hits, &error));
  g_assert_no_error (error);
  return hits;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *marie = join (f, 0, "Marie", "Dupont", NULL, 0);
  g_autofree char *marion = join (f, 0, "Marion", "Dupuis", NULL, 0);
  g_autofree char *helene = join (f, 42, "Hélène", "Lefèvre-Durand", NULL, 0);
  g_autofree char *gone = join (f, 0, "Martine", "Dupond", NULL, 0);
  g_autoptr (GArray) hits = NULL;
  g_autofree char *card = comptoir_member_card_barcode ("299", 42);

  g_assert_true (comptoir_member_set_left (f->db, gone, comptoir_day_today (), &error));
  g_assert_no_error (error);

  hits = search (f, "dup mar");
  g_assert_cmpuint (hits->len, ==, 3);
  /* Members who left come last; the others by name. */
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 0).name, ==, "Marie Dupont");
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 1).name, ==, "Marion Dupuis");
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 2).id, ==, gone);
  g_assert_true (g_array_index (hits, ComptoirMemberHit, 2).left);
  g_assert_false (g_array_index (hits, ComptoirMemberHit, 0).left);
  g_clear_pointer (&hits, g_array_unref);

  hits = search (f, "MARIE");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 0).id, ==, marie);
  g_clear_pointer (&hits, g_array_unref);

  /* Accents and case folded, either part of a double name. */
  hits = search (f, "helene DUR");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (g_array_index (hits, ComptoirMemberHit, 0).number, ==, 42);
  g_clear_pointer (&hits, g_array_unref);
  hits = search (f, "Lefe");
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_array_unref);

  /* The start of words only. */
  hits = search (f, "pont");
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_array_unref);

  /* By number and by card. */
  hits = search (f, "42");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 0).id, ==, helene);
  g_clear_pointer (&hits, g_array_unref);
  hits = search (f, card);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 0).id, ==, helene);
  g_clear_pointer (&hits, g_array_unref);
  hits = search (f, "2");
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 0).id, ==, marion);
  g_clear_pointer (&hits, g_array_unref);

  /* Nothing typed: the first members by number, who left last. */
  hits = search (f, "  ");
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 0).id, ==, marie);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 1).id, ==, marion);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 2).id, ==, helene);
  g_assert_cmpstr (g_array_index (hits, ComptoirMemberHit, 3).id, ==, gone);
  g_clear_pointer (&hits, g_array_unref);

  /* The one member meant: a name that fits one, a number, a card; a
   * name that fits several asks for the number. */
  {
    char id[COMPTOIR_ID_LEN + 1];

    g_assert_true (comptoir_member_find_one (f->db, "marion", id, &error));
    g_assert_cmpstr (id, ==, marion);
    g_assert_true (comptoir_member_find_one (f->db, card, id, &error));
    g_assert_cmpstr (id, ==, helene);
    g_assert_true (comptoir_member_find_one (f->db, " 1 ", id, &error));
    g_assert_cmpstr (id, ==, marie);
    g_assert_false (comptoir_member_find_one (f->db, "dup mar", id, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (comptoir_member_find_one (f->db, "zorro", id, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (comptoir_member_find_one (f->db, "", id, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  }
}

static void
test_household (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = join (f, 0, "Marie", "Dupont", NULL, 0);
  g_autofree char *paul = NULL;
  g_autofree char *lou = NULL;
  g_autoptr (GArray) people = NULL;

  paul = comptoir_member_household_add (f->db, id, "Paul", "Dupont", comptoir_day_from_iso ("1984-02-01"), &error);
  g_assert_no_error (error);
  lou = comptoir_member_household_add (f->db, id, "Lou", "Dupont", COMPTOIR_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_null (comptoir_member_household_add (f->db, id, "", "Dupont", COMPTOIR_DAY_NONE, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (comptoir_member_household_list (f->db, id, &people, &error));
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (g_array_index (people, ComptoirHouseholdPerson, 0).first_name, ==, "Paul");
  g_assert_cmpint (g_array_index (people, ComptoirHouseholdPerson, 0).birth_date, ==,
                   comptoir_day_from_iso ("1984-02-01"));
  g_clear_pointer (&people, g_array_unref);

  g_assert_true (comptoir_member_household_remove (f->db, paul, &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_member_household_remove (f->db, paul, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (comptoir_member_household_list (f->db, id, &people, &error));
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (g_array_index (people, ComptoirHouseholdPerson, 0).id, ==, lou);
}

static void
check_shares (Fixture    *f,
              const char *id,
              gint64      n_shares,
              gint64      capital,
              gint64      paid)
{
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirShares) shares = { 0 };

  g_assert_true (comptoir_member_shares_load (f->db, id, &shares, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shares.n_shares, ==, n_shares);
  g_assert_cmpint (shares.capital, ==, capital);
  g_assert_cmpint (shares.paid, ==, paid);
}

static void
test_shares (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *marie = join (f, 0, "Marie", "Dupont", NULL, 3);
  g_autofree char *paul = join (f, 0, "Paul", "Martin", NULL, 0);
  ComptoirDay today = comptoir_day_today ();

  /* Paid in two goes; never more than owed. */
  g_assert_true (comptoir_member_shares_pay (f->db, marie, 2000, "cheque", today, &error));
  g_assert_no_error (error);
  g_assert_false (comptoir_member_shares_pay (f->db, marie, 1500, "cash", today, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "10.00"));
  g_clear_error (&error);
  g_assert_false (comptoir_member_shares_pay (f->db, marie, 500, "Chèque!", today, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  check_shares (f, marie, 3, 3000, 2000);

  /* The shop's value changes; what was subscribed keeps its value. */
  g_assert_true (comptoir_settings_set (f->db, COMPTOIR_SETTING_SHARE_VALUE, "1500", &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_member_shares_subscribe (f->db, paul, 1, today, &error));
  check_shares (f, paul, 1, 1500, 0);

  /* A transfer: never more than held; the shares take the money paid
   * for them along. */
  g_assert_false (comptoir_member_shares_transfer (f->db, marie, paul, 4, today, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "holds 3 shares"));
  g_clear_error (&error);
  g_assert_false (comptoir_member_shares_transfer (f->db, marie, marie, 1, today, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_member_shares_transfer (f->db, marie, paul, 2, today, &error));
  g_assert_no_error (error);
  check_shares (f, marie, 1, 1000, 0);
  check_shares (f, paul, 3, 3500, 2000);
  /* One change-log entry for the whole transfer. */
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM change_log WHERE kind = 'facts' "
                                             "AND tbl = 'share_movement'"), ==, 1);
  g_assert_false (comptoir_member_shares_transfer (f->db, marie, paul, 2, today, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);

  /* Facts: the database refuses to change them. */
  g_assert_false (comptoir_db_exec (f->db, "UPDATE share_movement SET n_shares = 9", &error));
  g_assert_nonnull (error);
}

static void
test_leave (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = join (f, 0, "Marie", "Dupont", NULL, 2);
  g_autofree char *slot = NULL;
  g_autofree char *claim = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GArray) upcoming = NULL;
  g_auto (ComptoirMemberStatus) status = { 0 };
  ComptoirClaimOutcome outcome;
  ComptoirDay today = comptoir_day_today ();

  g_assert_true (comptoir_member_shares_pay (f->db, id, 2000, "cash", today, &error));
  slot = comptoir_shift_add_slot (f->db, today + 7, 9 * 60, 12 * 60, COMPTOIR_SHIFT_JOB_SHELVING, 3, NULL, &error);
  g_assert_no_error (error);
  claim = comptoir_shift_book (f->db, slot, id, NULL, now, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (outcome, ==, COMPTOIR_CLAIM_ACCEPTED);
  g_assert_true (comptoir_shift_list_member_slots (f->db, id, today, &upcoming, &error));
  g_assert_cmpuint (upcoming->len, ==, 1);
  g_clear_pointer (&upcoming, g_array_unref);

  g_assert_true (comptoir_member_leave (f->db, id, today, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_shift_list_member_slots (f->db, id, today, &upcoming, &error));
  g_assert_cmpuint (upcoming->len, ==, 0);
  g_assert_cmpint (count_where (f, "SELECT count (*) FROM shift_release WHERE claim_id = ?1", claim), ==, 1);
  g_assert_true (comptoir_member_status_compute (f->db, id, today, &status, &error));
  g_assert_cmpint (status.kind, ==, COMPTOIR_MEMBER_UNSUBSCRIBED);
  /* Shares refunded; the money is paid back when it is. */
  check_shares (f, id, 0, 0, 2000);
  g_assert_true (comptoir_member_shares_pay (f->db, id, -2000, "transfer", today, &error));
  check_shares (f, id, 0, 0, 0);

  /* Leaving twice is refused. */
  g_assert_false (comptoir_member_leave (f->db, id, today, FALSE, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old = join (f, 0, "Marie", "Dupont", NULL, 1);
  g_autofree char *stays = join (f, 0, "Marie", "Dupont-Martin", "marie@example.org", 1);
  g_autofree char *person = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_auto (ComptoirMemberStatus) status = { 0 };
  g_autoptr (GArray) people = NULL;
  ComptoirDay today = comptoir_day_today ();
  gint64 old_counter, stays_counter;

  g_assert_true (comptoir_member_shares_pay (f->db, old, 1000, "cash", today, &error));
  g_assert_true (comptoir_member_record_load (f->db, old, &record, &error));
  g_free (record.notes);
  record.notes = g_strdup ("Allergique aux noix");
  g_assert_true (comptoir_member_record_save (f->db, &record, &error));
  comptoir_member_record_clear (&record);
  person = comptoir_member_household_add (f->db, old, "Lou", "Dupont", COMPTOIR_DAY_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (comptoir_member_record_shift (f->db, old, COMPTOIR_LEDGER_SHIFT_MISSED, today - 3, NULL, NULL, &error));
  g_assert_true (comptoir_member_record_shift (f->db, stays, COMPTOIR_LEDGER_MAKEUP_DONE, today - 2, NULL, NULL,
                                               &error));
  g_assert_true (comptoir_member_record_shift (f->db, stays, COMPTOIR_LEDGER_MAKEUP_DONE, today - 1, NULL, NULL,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_member_status_compute (f->db, old, today, &status, &error));
  old_counter = status.counter;
  comptoir_member_status_clear (&status);
  g_assert_true (comptoir_member_status_compute (f->db, stays, today, &status, &error));
  stays_counter = status.counter;
  comptoir_member_status_clear (&status);
  g_assert_cmpint (old_counter, ==, -1);
  g_assert_cmpint (stays_counter, ==, 2);

  g_assert_false (comptoir_member_merge_accounts (f->db, old, old, today, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_member_merge_accounts (f->db, old, stays, today, NULL, &error));
  g_assert_no_error (error);

  /* The counter moved: computed from scratch, it is the sum. */
  g_assert_true (comptoir_member_status_compute (f->db, stays, today, &status, &error));
  g_assert_cmpint (status.counter, ==, old_counter + stays_counter);
  comptoir_member_status_clear (&status);
  g_assert_true (comptoir_member_status_compute (f->db, old, today, &status, &error));
  g_assert_cmpint (status.kind, ==, COMPTOIR_MEMBER_UNSUBSCRIBED);
  g_assert_cmpint (status.counter, ==, 0);

  /* Shares, the money paid, the household and the notes moved. */
  check_shares (f, old, 0, 0, 0);
  check_shares (f, stays, 2, 2000, 1000);
  g_assert_true (comptoir_member_household_list (f->db, stays, &people, &error));
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (g_array_index (people, ComptoirHouseholdPerson, 0).id, ==, person);
  g_assert_true (comptoir_member_record_load (f->db, stays, &record, &error));
  g_assert_cmpstr (record.notes, ==, "From member 1: Allergique aux noix");
  comptoir_member_record_clear (&record);
  g_assert_true (comptoir_member_record_load (f->db, old, &record, &error));
  g_assert_cmpint (record.left_on, ==, today);
  g_assert_cmpint (count_where (f, "SELECT count (*) FROM member_event WHERE action = 'merge' "
                                   "AND json_extract (details, '$.surviving_id') IS NOT NULL "
                                   "AND member_id = ?1", old), ==, 1);
}

static char *
sell_to (Fixture    *f,
         const char *member_id,
         gint64     *out_number)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);
  g_auto (ComptoirCommittedTicket) ticket = { 0 };

  g_assert_no_error (error);
  comptoir_sale_set_member (sale, member_id);
  comptoir_sale_add_line (sale, NULL, "Pain de campagne", 1000, 420, 550);
  comptoir_sale_add_payment (sale, "cash", 420);
  g_assert_true (comptoir_sale_commit (sale, f->db, till, &ticket, &error));
  g_assert_no_error (error);
  *out_number = ticket.number;
  return g_strdup (ticket.id);
}

static void
test_anonymise (Fixture       *f,
                gconstpointer  data)
{
  static const guchar jpeg[] = { 0xff, 0xd8, 0xff, 0xe0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *id = join (f, 7, "Marie", "Dupont", "marie@example.org", 1);
  g_autofree char *ticket = NULL;
  g_autoptr (GBytes) photo = g_bytes_new_static (jpeg, sizeof jpeg);
  g_autoptr (GArray) people = NULL;
  g_autoptr (GArray) hits = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_autofree char *person = NULL;
  gint64 number, n_entries;

  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_free (record.phone);
  record.phone = g_strdup ("06 12 34 56 78");
  record.birth_date = comptoir_day_from_iso ("1985-04-12");
  record.notes = g_strdup ("Rien de particulier");
  g_assert_true (comptoir_member_record_save (f->db, &record, &error));
  comptoir_member_record_clear (&record);
  g_assert_true (comptoir_member_set_photo (f->db, id, photo, &error));
  person = comptoir_member_household_add (f->db, id, "Paul", "Dupont", COMPTOIR_DAY_NONE, &error);
  g_assert_true (comptoir_member_record_shift (f->db, id, COMPTOIR_LEDGER_MAKEUP_DONE, comptoir_day_today (),
                                               NULL, NULL, &error));
  g_assert_no_error (error);
  ticket = sell_to (f, id, &number);
  n_entries = count_where (f, "SELECT count (*) FROM counter_entry WHERE member_id = ?1", id);

  g_assert_true (comptoir_member_anonymise (f->db, id, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_true (record.anonymised);
  g_assert_cmpint (record.number, ==, 7);
  g_assert_cmpstr (record.first_name, ==, "Member");
  g_assert_cmpstr (record.last_name, ==, "7");
  g_assert_null (record.email);
  g_assert_null (record.phone);
  g_assert_null (record.notes);
  g_assert_null (record.card_barcode);
  g_assert_cmpint (record.birth_date, ==, COMPTOIR_DAY_NONE);
  g_assert_false (record.has_photo);
  g_assert_cmpint (record.left_on, ==, comptoir_day_today ());
  g_assert_true (comptoir_member_household_list (f->db, id, &people, &error));
  g_assert_cmpuint (people->len, ==, 0);
  g_assert_cmpint (count_where (f, "SELECT count (*) FROM member_person WHERE member_id = ?1 "
                                   "AND (first_name <> '' OR last_name <> '')", id), ==, 0);

  /* What the accounts need stays: the ledger, the shares, the ticket. */
  g_assert_cmpint (count_where (f, "SELECT count (*) FROM counter_entry WHERE member_id = ?1", id), ==, n_entries);
  check_shares (f, id, 1, 1000, 0);
  g_assert_cmpint (count_where (f, "SELECT count (*) FROM ticket WHERE member_id = ?1", id), ==, 1);
  g_assert_cmpint (count_where (f, "SELECT count (*) FROM member_event WHERE member_id = ?1 "
                                   "AND action = 'anonymise'", id), ==, 1);
  hits = search (f, "dupont");
  g_assert_cmpuint (hits->len, ==, 0);

  /* Irreversible: the record cannot be changed any more. */
  g_free (record.first_name);
  record.first_name = g_strdup ("Marie");
  g_assert_false (comptoir_member_record_save (f->db, &record, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "anonymised"));
  g_clear_error (&error);
  g_assert_false (comptoir_member_set_photo (f->db, id, photo, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (comptoir_member_anonymise (f->db, id, NULL, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = join (f, 0, "Marie", "Dupont", "marie@example.org", 2);
  g_autofree char *json = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *person = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root, *member, *status, *shares;
  JsonArray *ledger, *tickets;
  gint64 number;

  g_assert_true (comptoir_member_record_shift (f->db, id, COMPTOIR_LEDGER_SHIFT_MISSED, comptoir_day_today () - 1,
                                               NULL, NULL, &error));
  g_assert_true (comptoir_member_correct (f->db, id, comptoir_day_today (), 1, "Badge oublié", NULL, &error));
  g_assert_no_error (error);
  person = comptoir_member_household_add (f->db, id, "Paul", "Dupont", COMPTOIR_DAY_NONE, &error);
  ticket = sell_to (f, id, &number);

  json = comptoir_member_export_json (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  member = json_object_get_object_member (root, "member");
  g_assert_cmpstr (json_object_get_string_member (member, "last_name"), ==, "Dupont");
  g_assert_cmpstr (json_object_get_string_member (member, "email"), ==, "marie@example.org");
  g_assert_cmpint (json_object_get_int_member (member, "number"), ==, 1);

  ledger = json_object_get_array_member (root, "ledger");
  g_assert_cmpuint (json_array_get_length (ledger), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (ledger, 1), "reason"), ==,
                   "Badge oublié");

  tickets = json_object_get_array_member (root, "tickets");
  g_assert_cmpuint (json_array_get_length (tickets), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tickets, 0), "id"), ==, ticket);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tickets, 0), "number"), ==, number);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tickets, 0), "total_cents"), ==, 420);

  shares = json_object_get_object_member (root, "shares");
  g_assert_cmpint (json_object_get_int_member (shares, "n_shares"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (shares, "movements")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "household")), ==, 1);

  status = json_object_get_object_member (root, "status");
  g_assert_cmpstr (json_object_get_string_member (status, "kind"), ==, "up_to_date");
  g_assert_cmpint (json_object_get_int_member (status, "counter"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (status, "lines")), ==, 2);
  for (const char * const *name = (const char * const[]) { "leaves", "roles", "squad", "seats", "attendance",
                                                            "events", "photo", NULL };
       *name != NULL; name++)
    g_assert_true (json_object_has_member (root, *name));

  g_assert_null (comptoir_member_export_json (f->db, "no-such-member", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
}

static void
test_status_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ComptoirDay today = comptoir_day_today ();
  ComptoirMemberRecord joining = { { 0 } };
  g_autofree char *id = NULL;
  g_autoptr (GArray) history = NULL;
  const ComptoirStatusChange *change;

  joining.first_name = (char *) "Marie";
  joining.last_name = (char *) "Dupont";
  joining.join_date = today - 100;
  id = comptoir_member_join (f->db, &joining, 0, &error);
  g_assert_no_error (error);

  /* A shift missed 80 days ago: an alert, a suspension four weeks later,
   * up to date again with the makeup 20 days ago. */
  g_assert_true (comptoir_member_record_shift (f->db, id, COMPTOIR_LEDGER_SHIFT_MISSED, today - 80, NULL, NULL,
                                               &error));
  g_assert_true (comptoir_member_record_shift (f->db, id, COMPTOIR_LEDGER_MAKEUP_DONE, today - 20, NULL, NULL,
                                               &error));
  g_assert_true (comptoir_member_leave (f->db, id, today, FALSE, &error));
  g_assert_no_error (error);

  g_assert_true (comptoir_member_status_history (f->db, id, today, &history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 5);
  change = &g_array_index (history, ComptoirStatusChange, 0);
  g_assert_cmpint (change->day, ==, today - 100);
  g_assert_cmpint (change->kind, ==, COMPTOIR_MEMBER_UP_TO_DATE);
  change = &g_array_index (history, ComptoirStatusChange, 1);
  g_assert_cmpint (change->day, ==, today - 80);
  g_assert_cmpint (change->kind, ==, COMPTOIR_MEMBER_ALERT);
  change = &g_array_index (history, ComptoirStatusChange, 2);
  g_assert_cmpint (change->day, ==, today - 80 + 28);
  g_assert_cmpint (change->kind, ==, COMPTOIR_MEMBER_SUSPENDED);
  change = &g_array_index (history, ComptoirStatusChange, 3);
  g_assert_cmpint (change->day, ==, today - 20);
  g_assert_cmpint (change->kind, ==, COMPTOIR_MEMBER_UP_TO_DATE);
  change = &g_array_index (history, ComptoirStatusChange, 4);
  g_assert_cmpint (change->day, ==, today);
  g_assert_cmpint (change->kind, ==, COMPTOIR_MEMBER_UNSUBSCRIBED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/comptoir/core/member-record/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("join", test_join);
  ADD ("save", test_save);
  ADD ("photo", test_photo);
  ADD ("search", test_search);
  ADD ("household", test_household);
  ADD ("shares", test_shares);
  ADD ("leave", test_leave);
  ADD ("merge", test_merge);
  ADD ("anonymise", test_anonymise);
  ADD ("export", test_export);
  ADD ("status-history", test_status_history);
#undef ADD

  return g_test_run ();
}
