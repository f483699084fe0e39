/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "comptoir-bench.h"
#include "comptoir-planning-page.h"
#include "comptoir-resources.h"

/* The planning of a week of 60 slots (ten a day, Monday to Saturday,
 * two or three members in each), from the database to a rendered frame:
 * the slots and their seats read through the core, the cards built, laid
 * out and drawn. Next to it, the bare SQL query of the same rows, which
 * is what any planning has to read. */

#define N_SLOTS_PER_DAY 10
#define N_MEMBERS       200
#define N_ROUNDS        30

static void
fill_week (ComptoirDb  *db,
           ComptoirDay  monday)
{
  g_autoptr (GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDateTime) before = g_date_time_new_local (2000, 1, 1, 0, 0, 0);
  g_autoptr (GError) error = NULL;
  guint n = 0;

  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr (ComptoirChange) member = comptoir_change_new ("member", NULL);

      comptoir_change_set_int (member, "number", i + 1);
      comptoir_change_set_text (member, "first_name", i % 2 ? "Camille" : "Dominique");
      comptoir_change_set_text (member, "last_name", i % 3 ? "Lefèvre" : "Moreau-Duval");
      comptoir_change_set_text (member, "participation", "flying");
      if (!comptoir_db_apply_change (db, member, NULL, &error))
        die (g_steal_pointer (&error));
      g_ptr_array_add (members, g_strdup (comptoir_change_get_row_id (member)));
    }
  for (guint d = 0; d < 6; d++)
    for (guint s = 0; s < N_SLOTS_PER_DAY; s++)
      {
        guint start = 6 * 60 + s * 90;
        g_autofree char *slot = comptoir_shift_add_slot (db, monday + d, start, start + 180,
                                                         (ComptoirShiftJob) (s % COMPTOIR_SHIFT_N_JOBS), 3, NULL,
                                                         &error);

        if (slot == NULL)
          die (g_steal_pointer (&error));
        for (guint k = 0; k < 2 + s % 2; k++)
          {
            g_autofree char *claim = NULL;
            ComptoirClaimOutcome outcome;

            claim = comptoir_shift_book (db, slot, g_ptr_array_index (members, n++ % N_MEMBERS), NULL, before,
                                         &outcome, &error);
            if (claim == NULL)
              die (g_steal_pointer (&error));
          }
      }
}

/* What any planning must read: the week's slots and the names of the
 * members holding their seats. */
static guint
bare_week (sqlite3     *raw,
           ComptoirDay  monday)
{
  sqlite3_stmt *stmt;
  char from[11], to[11];
  guint n = 0;

  comptoir_day_to_iso (monday, from);
  comptoir_day_to_iso (monday + 6, to);
  sqlite3_prepare_v2 (raw,
                      "SELECT s.id, s.day, s.start_minute, s.end_minute, s.job, s.capacity, m.number, "
                      "m.first_name, m.last_name FROM shift_slot s "
                      "LEFT JOIN shift_claim c ON c.slot_id = s.id "
                      "LEFT JOIN member m ON m.id = c.member_id "
                      "WHERE s.day BETWEEN ?1 AND ?2 ORDER BY s.day, s.start_minute",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  sqlite3_finalize (stmt);
  return n;
}

/* Lays the window out and draws it into a texture, as a frame would. */
static void
render (GtkWidget *window)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int width, height;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
}

void
bench_planning (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "planning.db", NULL);
  g_autoptr (ComptoirDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) read = g_array_new (FALSE, FALSE, sizeof (gint64));
  ComptoirPlanningPage *page;
  GtkWidget *window;
  ComptoirDay monday;
  GDate date;
  sqlite3 *raw;

  /* No session bus in a benchmark run: no accessibility bridge. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  if (!gtk_init_check ())
    {
      g_print ("%-34s skipped: no display (run the benchmark under xvfb-run -a)\n", "planning week rendered");
      return;
    }
  adw_init ();
  comptoir_register_resource ();

  g_unlink (path);
  db = comptoir_db_open (path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    die (g_steal_pointer (&error));
  g_date_clear (&date, 1);
  g_date_set_julian (&date, comptoir_day_today () + 7);
  monday = comptoir_day_today () + 7 - (g_date_get_weekday (&date) - G_DATE_MONDAY);
  fill_week (db, monday);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  page = g_object_new (COMPTOIR_TYPE_PLANNING_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  comptoir_planning_page_set_db (page, db);
  gtk_window_present (GTK_WINDOW (window));
  render (window);

  for (guint i = 0; i < N_ROUNDS; i++)
    {
      gint64 start = now_ns (), took;

      if (!comptoir_planning_page_show_week (page, monday, &error))
        die (g_steal_pointer (&error));
      render (window);
      took = now_ns () - start;
      g_array_append_val (ours, took);
    }
  if (comptoir_planning_page_get_n_slot_cards (page) != 6 * N_SLOTS_PER_DAY)
    {
      g_printerr ("comptoir-bench: the planning shows %u slots, not %u\n",
                  comptoir_planning_page_get_n_slot_cards (page), 6 * N_SLOTS_PER_DAY);
      exit (1);
    }

  /* The core's part alone: the week's slots with their seats. */
  for (guint i = 0; i < N_ROUNDS; i++)
    {
      g_autoptr (GArray) slots = NULL;
      gint64 start = now_ns (), took;

      if (!comptoir_shift_list_slots (db, monday, monday + 6, &slots, &error))
        die (g_steal_pointer (&error));
      took = now_ns () - start;
      g_array_append_val (read, took);
    }

  sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL);
  for (guint i = 0; i < N_ROUNDS; i++)
    {
      gint64 start = now_ns (), took;

      bare_week (raw, monday);
      took = now_ns () - start;
      g_array_append_val (bare, took);
    }
  sqlite3_close (raw);
  report ("planning week read (core vs bare)", read, bare);
  report ("planning week, 60 slots rendered", ours, bare);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&db);
  g_unlink (path);
}
