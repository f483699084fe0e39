/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-planning-page.h"
#include "comptoir-resources.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The real window on a demo shop, under the Xvfb the test runner starts:
 * the week's slots with their fill levels, booking by tapping a slot and
 * typing a number, offering a seat and taking it from the exchange
 * board, the cycle's templates, and checking in by card on the "shift
 * now" screen — each checked in the database, as the core stored it. */

static GtkWidget *
find_slot_card (GtkWidget  *widget,
                const char *slot_id)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "slot-id"), slot_id) == 0 &&
      gtk_widget_has_css_class (widget, "slot-card"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_slot_card (child, slot_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWindow *
find_slot_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (g_object_get_data (window, "slot-dialog") != NULL && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
has_slot_window (gpointer unused)
{
  return find_slot_window () != NULL;
}

static guint
count_with_class (GtkWidget  *widget,
                  const char *css_class)
{
  guint n = gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, css_class) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_with_class (child, css_class);
  return n;
}

static gint64
member_number_not_in (ComptoirDb *db,
                      const char *slot_id,
                      gint64      skip)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT min (number) FROM member WHERE left_on IS NULL AND number > %lld AND id NOT IN "
                     "(SELECT member_id FROM shift_claim WHERE slot_id = '%s')", (long long) skip, slot_id);

  return fixture_query_int (db, sql);
}

static void
test_planning (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  ComptoirDemoOptions options = { .n_products = 50, .n_members = 60, .seed = 5 };
  g_autofree char *slot_id = NULL;
  g_autofree char *now_slot_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *card = NULL;
  g_autofree char *number_text = NULL;
  ComptoirWindow *window;
  ComptoirPlanningPage *page;
  GtkWindow *slot_window;
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  gint64 booker, taker, walker;
  guint now_minute = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A slot a week from now, where booking is in time and cancelling
   * would not be late. */
  slot_id = comptoir_shift_add_slot (f->db, comptoir_day_today () + 7, 14 * 60, 17 * 60,
                                     COMPTOIR_SHIFT_JOB_SHELVING, 2, NULL, &error);
  g_assert_no_error (error);
  booker = member_number_not_in (f->db, slot_id, 0);
  taker = member_number_not_in (f->db, slot_id, booker);

  g_settings_set_string (settings, "last-section", "planning");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = COMPTOIR_PLANNING_PAGE (find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_PLANNING_PAGE));
  settle ();

  /* This week: every slot of the demo's templates is a card. */
  sql = g_strdup_printf ("SELECT count (*) FROM shift_slot WHERE day BETWEEN date ('now', 'localtime', "
                         "'weekday 0', '-6 days') AND date ('now', 'localtime', 'weekday 0')");
  g_assert_cmpuint (comptoir_planning_page_get_n_slot_cards (page), ==, fixture_query_int (f->db, sql));
  g_assert_cmpuint (comptoir_planning_page_get_n_slot_cards (page), >, 0);
  save_screenshot (GTK_WIDGET (window), "planning-week.png");

  /* Next week: tap the slot, type a member's number, Enter. */
  click_widget (GTK_WIDGET (window), find_button_with_tooltip (GTK_WIDGET (page), "Next Week"));
  settle ();
  g_assert_nonnull (find_slot_card (GTK_WIDGET (page), slot_id));
  click_widget (GTK_WIDGET (window), find_slot_card (GTK_WIDGET (page), slot_id));
  wait_for (has_slot_window, NULL);
  slot_window = find_slot_window ();
  settle ();
  entry = find_descendant (GTK_WIDGET (slot_window), GTK_TYPE_ENTRY);
  number_text = g_strdup_printf ("%lld", (long long) booker);
  type_text (GTK_EDITABLE (entry), number_text);
  xdotool ("key Return");
  settle ();
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_claim c JOIN shift_claim_decision d ON d.claim_id = c.id "
                         "JOIN member m ON m.id = c.member_id WHERE c.slot_id = '%s' AND m.number = %lld "
                         "AND d.accepted = 1", slot_id, (long long) booker);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  save_screenshot (GTK_WIDGET (slot_window), "planning-slot.png");

  /* The member cannot come after all: their seat goes on the board. */
  click_widget (GTK_WIDGET (slot_window), find_button (GTK_WIDGET (slot_window), "_Offer"));
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_offer"), ==, 1);
  gtk_window_destroy (slot_window);
  settle ();

  /* Someone else takes it from the exchange board. */
  comptoir_planning_page_show_view (page, "exchange");
  settle ();
  click_widget (GTK_WIDGET (window), find_button (GTK_WIDGET (page), "_Take…"));
  dialog = wait_for_message_dialog ();
  g_free (number_text);
  number_text = g_strdup_printf ("%lld", (long long) taker);
  type_text (GTK_EDITABLE (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY)), number_text);
  adw_message_dialog_response (dialog, "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_claim c JOIN member m ON m.id = c.member_id "
                         "WHERE c.slot_id = '%s' AND c.kind = 'take' AND m.number = %lld", slot_id, (long long) taker);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_release r JOIN shift_claim c ON c.id = r.claim_id "
                         "JOIN member m ON m.id = c.member_id WHERE m.number = %lld AND r.kind = 'swap'",
                         (long long) booker);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (page), "No shift is offered right now"));

  /* The cycle: one card per template. */
  comptoir_planning_page_show_view (page, "cycle");
  settle ();
  g_assert_cmpuint (count_with_class (GTK_WIDGET (page), "template-card"), ==,
                    fixture_query_int (f->db, "SELECT count (*) FROM shift_template"));
  save_screenshot (GTK_WIDGET (window), "planning-cycle.png");

  /* Shift now: a member who turns up scans their card and is in. */
  now_slot_id = comptoir_shift_add_slot (f->db, comptoir_day_today (), now_minute >= 10 ? now_minute - 10 : 0,
                                         MIN (now_minute + 120, 1440), COMPTOIR_SHIFT_JOB_RECEIVING, 3, NULL, &error);
  g_assert_no_error (error);
  walker = member_number_not_in (f->db, now_slot_id, taker);
  card = comptoir_member_ensure_card (f->db, walker, &error);
  g_assert_no_error (error);
  comptoir_planning_page_show_view (page, "now");
  settle ();
  entry = find_with_class (GTK_WIDGET (page), GTK_TYPE_ENTRY, "till-scan-entry");
  /* The check-in entry waits for a card, as the till's scan field does. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window)) != NULL &&
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)), entry));
  type_text (GTK_EDITABLE (entry), card);
  xdotool ("key Return");
  settle ();
  /* In the slot open now that had room: ours, or one of the demo's. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_attendance a JOIN member m ON m.id = a.member_id "
                         "JOIN counter_entry e ON e.member_id = m.id AND e.slot_id = a.slot_id "
                         "WHERE m.number = %lld AND a.outcome = 'present' AND e.kind IN ('shift_done', 'makeup_done')",
                         (long long) walker);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (find_with_class (GTK_WIDGET (page), GTK_TYPE_LABEL,
                                                                                  "till-message"))),
                                   "Welcome, "));
  g_assert_cmpuint (count_with_class (GTK_WIDGET (page), "present"), ==, 1);
  save_screenshot (GTK_WIDGET (window), "planning-now.png");

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  comptoir_register_resource ();
  load_app_style ();
  g_test_add ("/comptoir/ui/planning", Fixture, NULL, fixture_set_up, test_planning, fixture_tear_down);
  return g_test_run ();
}
