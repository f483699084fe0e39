/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-planning-page.h"
#include "comptoir-resources.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The real window on a demo shop, under the Xvfb the test runner starts:
 * the week's slots with their fill levels, booking by tapping a slot and
 * typing a number, offering a seat and taking it from the exchange
 * board, the cycle's templates, checking in by card on the "shift now"
 * screen, adding a one-off slot, closing the shop for a day and opening
 * it again, and removing a member from a squad — each checked in the
 * database, as the core stored it. */

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

/* The planning's windows say what they are by the data they carry:
 * "slot-dialog", "slot-form", "closing-days", "template-dialog". */
static GtkWindow *
find_window_with (const char *key)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (g_object_get_data (window, key) != NULL && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static gboolean
has_window_with (gpointer key)
{
  return find_window_with (key) != NULL;
}

static GtkWindow *
wait_for_window_with (const char *key)
{
  wait_for (has_window_with, (gpointer) key);
  settle ();
  return find_window_with (key);
}

static GtkWindow *
find_slot_window (void)
{
  return find_window_with ("slot-dialog");
}

static gboolean
has_slot_window (gpointer unused)
{
  return find_slot_window () != NULL;
}

/* A button carrying data key equal to value: a squad member's remove
 * button by the member's id. */
static GtkWidget *
find_button_with_data (GtkWidget  *widget,
                       const char *key,
                       const char *value)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), key), value) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_data (child, key, value);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_template_card (GtkWidget  *widget,
                    const char *template_id)
{
  const ComptoirShiftTemplate *template = g_object_get_data (G_OBJECT (widget), "template");

  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "template-card") && template != NULL &&
      g_strcmp0 (template->id, template_id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_template_card (child, template_id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
message_of (GtkWindow *window)
{
  return gtk_label_get_label (GTK_LABEL (find_with_class (GTK_WIDGET (window), GTK_TYPE_LABEL, "till-message")));
}


static guint
weekday_of (ComptoirDay day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date);
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

/* A one-off slot through its window: it opens on the first day of the
 * week shown that is still to come, refuses hours the wrong way round
 * in the window, and once added is a card of the week. */
static void
test_slot_form (Fixture              *f,
                ComptoirWindow       *window,
                ComptoirPlanningPage *page)
{
  ComptoirDay today = comptoir_day_today ();
  ComptoirDay next_monday = today - (weekday_of (today) - 1) + 7;
  g_autofree char *sql = NULL;
  g_autofree char *slot_id = NULL;
  g_autofree char *picked = NULL;
  g_autoptr (GDateTime) date = NULL;
  GtkWindow *form;
  GtkWidget *day_row, *pick;
  GtkPopover *popover;
  GtkCalendar *calendar;
  guint n_cards;
  char iso[11];

  comptoir_planning_page_show_view (page, "week");
  settle ();
  /* The booking above left the page on next week. */
  n_cards = comptoir_planning_page_get_n_slot_cards (page);
  click_widget (GTK_WIDGET (window), find_button_with_tooltip (GTK_WIDGET (page), "Add a Slot…"));
  form = wait_for_window_with ("slot-form");
  comptoir_day_to_iso (next_monday, iso);
  day_row = find_row (GTK_WIDGET (form), "Day");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day_row)), ==, iso);

  /* The calendar opens on that day; a day picked in it is written in
   * the row, and the calendar closes. */
  pick = find_descendant (day_row, GTK_TYPE_MENU_BUTTON);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (pick), ==, "Pick the Day");
  click_widget (GTK_WIDGET (form), pick);
  settle ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (pick));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  date = gtk_calendar_get_date (calendar);
  picked = g_date_time_format (date, "%Y-%m-%d");
  g_assert_cmpstr (picked, ==, iso);
  save_screenshot (GTK_WIDGET (popover), "planning-add-slot-calendar.png");
  g_clear_pointer (&date, g_date_time_unref);
  g_clear_pointer (&picked, g_free);
  date = g_date_time_add_days (gtk_calendar_get_date (calendar), 1);
  gtk_calendar_select_day (calendar, date);
  settle ();
  picked = g_date_time_format (date, "%Y-%m-%d");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (day_row)), ==, picked);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_editable_set_text (GTK_EDITABLE (day_row), iso);

  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (form), "Starts at")), "7:30");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (form), "Ends at")), "6h");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (form), "Job")), COMPTOIR_SHIFT_JOB_OFFICE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_descendant (GTK_WIDGET (form), GTK_TYPE_SPIN_BUTTON)), 4);
  click_widget (GTK_WIDGET (form), find_button (GTK_WIDGET (form), "_Add Slot"));
  settle ();
  /* The core's refusal, in the window that can put it right. */
  g_assert_true (g_str_has_prefix (message_of (form), "A shift ends after it starts"));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM shift_slot WHERE job = 'office'"), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (form), "Ends at")), "9h");
  settle ();
  /* Put right, the form no longer says it is wrong. */
  g_assert_false (gtk_widget_get_visible (find_with_class (GTK_WIDGET (form), GTK_TYPE_LABEL, "till-message")));
  save_screenshot (GTK_WIDGET (form), "planning-add-slot.png");
  click_widget (GTK_WIDGET (form), find_button (GTK_WIDGET (form), "_Add Slot"));
  settle ();
  g_assert_null (find_window_with ("slot-form"));
  sql = g_strdup_printf ("SELECT id FROM shift_slot WHERE template_id IS NULL AND day = '%s' AND start_minute = 450 "
                         "AND end_minute = 540 AND job = 'office' AND capacity = 4 AND required_role IS NULL "
                         "AND NOT cancelled", iso);
  slot_id = fixture_query_text (f->db, sql);
  g_assert_nonnull (slot_id);
  g_assert_nonnull (find_slot_card (GTK_WIDGET (page), slot_id));
  g_assert_cmpuint (comptoir_planning_page_get_n_slot_cards (page), ==, n_cards + 1);
}

/* A closing day through the Closing Days window, on a day the demo made
 * slots for: asked first, then its slots are cancelled and their seats
 * given back, the window says how many, and the week shows the day
 * closed and its slots cancelled. Removed again, the day opens but the
 * slots stay cancelled. */
static void
test_closing_days (Fixture              *f,
                   ComptoirWindow       *window,
                   ComptoirPlanningPage *page)
{
  g_autoptr (GError) error = NULL;
  ComptoirDay today = comptoir_day_today ();
  ComptoirDay next_monday = today - (weekday_of (today) - 1) + 7;
  ComptoirDay closed;
  g_autofree char *day_text = NULL;
  g_autofree char *day_slots = NULL;
  g_autofree char *live_seats = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *form;
  gint64 n_slots, n_seats;
  char iso[11], monday_iso[11];

  /* The first day from the day after tomorrow with squad seats in its
   * slots (the demo's squads are in week A), not one the tests above
   * added slots to. */
  comptoir_day_to_iso (today + 7, iso);
  comptoir_day_to_iso (next_monday, monday_iso);
  sql = g_strdup_printf ("SELECT min (s.day) FROM shift_slot s JOIN shift_claim c ON c.slot_id = s.id "
                         "WHERE c.kind = 'squad' AND s.day >= date ('now', 'localtime', '+2 days') "
                         "AND s.day NOT IN ('%s', '%s') AND NOT s.cancelled", iso, monday_iso);
  day_text = fixture_query_text (f->db, sql);
  g_assert_nonnull (day_text);
  closed = comptoir_day_from_iso (day_text);
  comptoir_day_to_iso (closed, iso);
  g_clear_pointer (&sql, g_free);
  day_slots = g_strdup_printf ("SELECT count (*) FROM shift_slot WHERE day = '%s'", iso);
  live_seats = g_strdup_printf ("SELECT count (*) FROM shift_claim c JOIN shift_slot s ON s.id = c.slot_id "
                                "WHERE s.day = '%s' AND NOT EXISTS (SELECT 1 FROM shift_release r WHERE "
                                "r.claim_id = c.id)", iso);
  n_slots = fixture_query_int (f->db, day_slots);
  n_seats = fixture_query_int (f->db, live_seats);
  g_assert_cmpint (n_slots, >, 0);
  g_assert_cmpint (n_seats, >, 0);

  comptoir_planning_page_show_view (page, "cycle");
  settle ();
  click_widget (GTK_WIDGET (window), find_button (GTK_WIDGET (page), "_Closing Days…"));
  form = wait_for_window_with ("closing-days");
  g_assert_nonnull (find_row (GTK_WIDGET (form), "No closing day in the coming twelve months"));
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (form), "Day")), iso);
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (form), "Why")), "Noël");
  click_widget (GTK_WIDGET (form), find_button (GTK_WIDGET (form), "_Add Closing Day"));
  dialog = wait_for_message_dialog ();
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), "Close the Shop on "));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  sql = g_strdup_printf ("SELECT count (*) FROM closing_day WHERE day = '%s' AND label = 'Noël' AND active", iso);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_slot WHERE day = '%s' AND cancelled", iso);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, n_slots);
  g_assert_cmpint (fixture_query_int (f->db, live_seats), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_release r JOIN shift_claim c ON c.id = r.claim_id "
                         "JOIN shift_slot s ON s.id = c.slot_id WHERE s.day = '%s' AND r.kind = 'closed'", iso);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, n_seats);
  expected = g_strdup_printf (": %u slots were cancelled, and everyone in them released without penalty.",
                              (guint) n_slots);
  g_assert_true (g_str_has_prefix (message_of (form), "The shop is closed on "));
  g_assert_true (g_str_has_suffix (message_of (form), expected));
  g_assert_nonnull (find_button_with_tooltip (GTK_WIDGET (form), "Remove Closing Day"));
  save_screenshot (GTK_WIDGET (form), "planning-closing-days.png");
  gtk_window_destroy (form);
  settle ();

  /* The week: the day says why it is closed, its slots are cancelled. */
  comptoir_planning_page_show_view (page, "week");
  g_assert_true (comptoir_planning_page_show_week (page, closed, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_true (shows_label (GTK_WIDGET (page), "Noël"));
  g_assert_cmpuint (count_with_class (GTK_WIDGET (page), "slot-cancelled"), ==, n_slots);
  save_screenshot (GTK_WIDGET (window), "planning-week-closed.png");

  comptoir_planning_page_show_view (page, "cycle");
  settle ();
  click_widget (GTK_WIDGET (window), find_button (GTK_WIDGET (page), "_Closing Days…"));
  form = wait_for_window_with ("closing-days");
  click_widget (GTK_WIDGET (form), find_button_with_tooltip (GTK_WIDGET (form), "Remove Closing Day"));
  settle ();
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM closing_day WHERE day = '%s' AND active", iso);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_slot WHERE day = '%s' AND cancelled", iso);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, n_slots);
  g_assert_true (g_str_has_prefix (message_of (form), "The shop is open on "));
  g_assert_nonnull (find_row (GTK_WIDGET (form), "No closing day in the coming twelve months"));
  save_screenshot (GTK_WIDGET (form), "planning-closing-days-removed.png");
  gtk_window_destroy (form);
  settle ();
}

/* A squad member removed in the template's window: asked first, then
 * their squad ends yesterday and their seats from today on are given
 * back; the list no longer shows them. */
static void
test_squad_remove (Fixture              *f,
                   ComptoirWindow       *window,
                   ComptoirPlanningPage *page)
{
  const char *next_seat = "FROM shift_claim c JOIN shift_slot s ON s.id = c.slot_id JOIN shift_squad q "
                          "ON q.member_id = c.member_id AND q.template_id = s.template_id AND q.to_on IS NULL "
                          "WHERE c.kind = 'squad' AND s.day > date ('now', 'localtime') AND NOT s.cancelled "
                          "AND NOT EXISTS (SELECT 1 FROM shift_release r WHERE r.claim_id = c.id) "
                          "ORDER BY s.day, s.start_minute, c.id LIMIT 1";
  g_autofree char *template_sql = g_strconcat ("SELECT s.template_id ", next_seat, NULL);
  g_autofree char *member_sql = g_strconcat ("SELECT c.member_id ", next_seat, NULL);
  g_autofree char *template_id = fixture_query_text (f->db, template_sql);
  g_autofree char *member_id = fixture_query_text (f->db, member_sql);
  g_autofree char *seats_sql = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *to_on = NULL;
  char yesterday[11];
  AdwMessageDialog *dialog;
  GtkWindow *template_window;
  GtkWidget *card;
  gint64 n_seats;

  g_assert_nonnull (template_id);
  g_assert_nonnull (member_id);
  seats_sql = g_strdup_printf ("SELECT count (*) FROM shift_claim c JOIN shift_slot s ON s.id = c.slot_id "
                               "WHERE c.member_id = '%s' AND c.kind = 'squad' AND s.day >= date ('now', "
                               "'localtime') AND NOT EXISTS (SELECT 1 FROM shift_release r WHERE "
                               "r.claim_id = c.id)", member_id);
  n_seats = fixture_query_int (f->db, seats_sql);
  g_assert_cmpint (n_seats, >, 0);

  comptoir_planning_page_show_view (page, "cycle");
  settle ();
  card = find_template_card (GTK_WIDGET (page), template_id);
  g_assert_nonnull (card);
  scroll_to (card);
  click_widget (GTK_WIDGET (window), card);
  template_window = wait_for_window_with ("template-dialog");
  g_assert_nonnull (find_button_with_data (GTK_WIDGET (template_window), "member-id", member_id));
  save_screenshot (GTK_WIDGET (template_window), "planning-template-squad.png");
  click_widget (GTK_WIDGET (template_window),
                find_button_with_data (GTK_WIDGET (template_window), "member-id", member_id));
  dialog = wait_for_message_dialog ();
  adw_message_dialog_response (dialog, "remove");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  comptoir_day_to_iso (comptoir_day_today () - 1, yesterday);
  sql = g_strdup_printf ("SELECT to_on FROM shift_squad WHERE member_id = '%s' AND template_id = '%s'", member_id,
                         template_id);
  to_on = fixture_query_text (f->db, sql);
  g_assert_cmpstr (to_on, ==, yesterday);
  g_assert_cmpint (fixture_query_int (f->db, seats_sql), ==, 0);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count (*) FROM shift_release r JOIN shift_claim c ON c.id = r.claim_id "
                         "JOIN shift_slot s ON s.id = c.slot_id WHERE c.member_id = '%s' AND c.kind = 'squad' "
                         "AND s.day >= date ('now', 'localtime') AND r.kind = 'cancel'", member_id);
  g_assert_cmpint (fixture_query_int (f->db, sql), ==, n_seats);
  g_assert_null (find_button_with_data (GTK_WIDGET (template_window), "member-id", member_id));
  g_assert_true (strstr (message_of (template_window), "left the squad") != NULL);
  gtk_window_destroy (template_window);
  settle ();
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
  /* The demo made this week and the three after; a fifth from today
   * keeps squad seats (the demo's squads are all in week A) ahead
   * whatever the day the test runs. */
  g_assert_true (comptoir_shift_generate (f->db, comptoir_day_today (), 5, NULL, NULL, &error));
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

  test_slot_form (f, window, page);
  test_closing_days (f, window, page);
  test_squad_remove (f, window, page);

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
