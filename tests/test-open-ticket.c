/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-fixture.h"

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->catalog);
  g_clear_object (&f->db);
  f->db = comptoir_db_open (f->path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  f->catalog = comptoir_catalog_new (f->db);
}

static void
test_resume_and_commit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) bread = fixture_product ("BO-1", "Pain de campagne", 380, 550, NULL);
  g_autoptr (ComptoirProduct) cheese = fixture_product ("FM-1", "Comté 18 mois", 2590, 550, NULL);
  g_autoptr (ComptoirProduct) wine = fixture_product ("CA-1", "Côtes-du-Rhône 75 cl", 790, 2000, NULL);
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autoptr (ComptoirOpenTicket) resumed = NULL;
  g_autoptr (ComptoirOpenTicket) next = NULL;
  g_autoptr (ComptoirSale) sale = NULL;
  g_auto (ComptoirCommittedTicket) committed = { 0 };
  g_autofree char *till = NULL;
  g_autofree char *id = NULL;
  ComptoirOpenLine line;

  g_assert_true (comptoir_catalog_save_product (f->catalog, bread, &error));
  comptoir_product_set_unit (cheese, COMPTOIR_UNIT_KG);
  g_assert_true (comptoir_catalog_save_product (f->catalog, cheese, &error));
  g_assert_true (comptoir_catalog_save_product (f->catalog, wine, &error));
  till = comptoir_till_ensure (f->db, "T1", &error);

  ticket = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_no_error (error);
  id = g_strdup (comptoir_open_ticket_get_id (ticket));
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, bread, 1000, &error), ==, 1);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, cheese, 312, &error), ==, 2);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, wine, 1000, &error), ==, 3);
  g_assert_true (comptoir_open_ticket_set_quantity (ticket, 1, 2000, &error));
  g_assert_false (comptoir_open_ticket_void_line (ticket, 3, "  ", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (comptoir_open_ticket_void_line (ticket, 3, "scanned by mistake", &error));
  g_assert_false (comptoir_open_ticket_set_quantity (ticket, 3, 2000, &error));
  g_clear_error (&error);
  g_assert_cmpint (comptoir_open_ticket_get_total (ticket), ==, 760 + 808);  /* 25,90 × 0,312 = 8,08 */

  /* The machine restarts: the till comes back on the same ticket. */
  g_clear_object (&ticket);
  reopen (f);
  resumed = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (resumed), ==, id);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (resumed), ==, 3);
  g_assert_true (comptoir_open_ticket_get_line (resumed, 1, &line));
  g_assert_cmpint (line.quantity_milli, ==, 2000);
  g_assert_true (comptoir_open_ticket_get_line (resumed, 3, &line));
  g_assert_cmpstr (line.void_reason, ==, "scanned by mistake");
  g_assert_cmpint (comptoir_open_ticket_get_total (resumed), ==, 1568);

  /* An unpaid commit changes nothing. */
  sale = comptoir_open_ticket_to_sale (resumed);
  g_assert_cmpuint (comptoir_sale_get_n_lines (sale), ==, 2);
  comptoir_sale_add_payment (sale, "cash", 1000);
  g_assert_false (comptoir_open_ticket_commit (resumed, sale, &committed, &error));
  g_clear_error (&error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (resumed), ==, id);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (resumed), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket"), ==, 0);

  comptoir_sale_add_payment (sale, "cash", 1000);
  g_assert_true (comptoir_open_ticket_commit (resumed, sale, &committed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (committed.number, ==, 1);
  g_assert_cmpint (committed.change_cents, ==, 432);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM ticket_line"), ==, 2);

  /* The till is on a new, empty ticket, and stays so after a restart. */
  g_assert_cmpstr (comptoir_open_ticket_get_id (resumed), !=, id);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (resumed), ==, 0);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count(*) FROM open_ticket_line"), ==, 0);
  reopen (f);
  next = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_cmpstr (comptoir_open_ticket_get_id (next), ==, comptoir_open_ticket_get_id (resumed));
}

static void
test_refuses (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirProduct) old = fixture_product ("X-1", "Ancien savon", 300, 2000, NULL);
  g_autoptr (ComptoirOpenTicket) ticket = NULL;
  g_autofree char *till = comptoir_till_ensure (f->db, "T1", &error);

  comptoir_product_set_active (old, FALSE);
  g_assert_true (comptoir_catalog_save_product (f->catalog, old, &error));
  ticket = comptoir_open_ticket_resume_or_start (f->db, till, &error);
  g_assert_cmpuint (comptoir_open_ticket_add_product (ticket, old, 1000, &error), ==, 0);
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "withdrawn"));
  g_clear_error (&error);
  g_assert_false (comptoir_open_ticket_void_line (ticket, 9, "x", &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_NOT_FOUND);
  g_assert_cmpuint (comptoir_open_ticket_get_n_lines (ticket), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comptoir/core/open-ticket/resume-and-commit", test_resume_and_commit);
  ADD ("/comptoir/core/open-ticket/refuses", test_refuses);
  return g_test_run ();
}
