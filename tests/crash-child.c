/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "comptoir-core.h"

/* Sells forever on till T1 and prints "number lines" for each ticket once
 * the commit has returned; with "draft" as third argument, only adds lines
 * to the open ticket and prints its line count after each. test-crash
 * kills it at random moments. */
int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  g_autoptr (ComptoirCatalog) catalog = NULL;
  g_autofree char *till = NULL;
  GRand *rand;
  gint64 n_products;

  if (argc != 3 && argc != 4)
    return 2;

  db = comptoir_db_open (argv[1], COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);
  catalog = comptoir_catalog_new (db);
  till = comptoir_till_ensure (db, "T1", &error);
  n_products = comptoir_catalog_count_products (catalog, &error);
  rand = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[2], NULL, 10));

  if (argc == 4)
    {
      g_autoptr (ComptoirOpenTicket) ticket = comptoir_open_ticket_resume_or_start (db, till, &error);

      if (ticket == NULL)
        g_error ("%s", error->message);
      for (;;)
        {
          g_autoptr (ComptoirProduct) product =
            comptoir_catalog_get_by_rowid (catalog, g_rand_int_range (rand, 1, n_products + 1), &error);
          if (product == NULL)
            g_error ("%s", error->message);
          if (!comptoir_product_get_active (product))
            continue;  /* the till refuses withdrawn products */
          if (comptoir_open_ticket_add_product (ticket, product, 1000, &error) == 0)
            g_error ("%s", error->message);
          printf ("%u\n", comptoir_open_ticket_get_n_lines (ticket));
          fflush (stdout);
        }
    }

  for (;;)
    {
      g_autoptr (ComptoirSale) sale = comptoir_sale_new ();
      g_auto (ComptoirCommittedTicket) ticket = { 0 };
      guint n_lines = g_rand_int_range (rand, 1, 21);

      for (guint i = 0; i < n_lines; i++)
        {
          g_autoptr (ComptoirProduct) product =
            comptoir_catalog_get_by_rowid (catalog, g_rand_int_range (rand, 1, n_products + 1), &error);
          if (product == NULL)
            g_error ("%s", error->message);
          comptoir_sale_add_product (sale, product, 1000 * g_rand_int_range (rand, 1, 4));
        }
      comptoir_sale_add_payment (sale, "card", comptoir_sale_get_total (sale));
      if (!comptoir_sale_commit (sale, db, till, &ticket, &error))
        g_error ("%s", error->message);

      printf ("%" G_GINT64_FORMAT " %u\n", ticket.number, n_lines);
      fflush (stdout);
    }
}
