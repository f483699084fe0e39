/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-member-editor.h"
#include "comptoir-members-page.h"
#include "comptoir-resources.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* The member office on the demo shop, in the real window under the Xvfb
 * the test runner starts: find a member by name with the keyboard, read
 * their status, edit their phone (and be told what the core refuses),
 * record a correction and see it explained, and find the suspended and
 * alert members of the demo by number, as a scanner types it. Then, on
 * a shop with no member yet: import a file of members (and not one with
 * errors), add a member, their shares and their photo. */

/* An action row showing that title (any, when NULL) and a subtitle
 * containing text. */
static GtkWidget *
find_line (GtkWidget  *widget,
           const char *title,
           const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_mapped (widget) &&
      (title == NULL || g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0) &&
      adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_line (child, title, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkListBox *
results_of (GtkWidget *page)
{
  GtkWidget *list = find_with_class (page, GTK_TYPE_LIST_BOX, "members-results");

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

/* The number each row of the list shows, in order. */
static char *
listed_numbers (GtkWidget *page)
{
  GtkListBox *list = results_of (page);
  g_autoptr (GString) numbers = g_string_new (NULL);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *label = gtk_widget_get_first_child (gtk_list_box_row_get_child (row));

      g_string_append_printf (numbers, "%s%s", i > 0 ? " " : "", gtk_label_get_label (GTK_LABEL (label)));
    }
  return g_string_free (g_steal_pointer (&numbers), FALSE);
}

typedef struct {
  GtkWidget  *page;
  const char *number;
} Listed;

static gboolean
lists_number (gpointer data)
{
  Listed *listed = data;
  g_autofree char *numbers = listed_numbers (listed->page);
  g_auto (GStrv) each = g_strsplit (numbers, " ", -1);

  /* The unfiltered list has fifty: wait for the search to have run. */
  return g_strv_length (each) < 50 && g_strv_contains ((const char * const *) each, listed->number);
}

static int
index_of_number (GtkWidget  *page,
                 const char *number)
{
  g_autofree char *numbers = listed_numbers (page);
  g_auto (GStrv) each = g_strsplit (numbers, " ", -1);

  for (int i = 0; each[i] != NULL; i++)
    if (g_str_equal (each[i], number))
      return i;
  return -1;
}

static ComptoirMemberEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);
      if (COMPTOIR_IS_MEMBER_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return COMPTOIR_MEMBER_EDITOR (window);
    }
  return NULL;
}

static gboolean
has_editor (gpointer unused)
{
  return find_editor () != NULL;
}

static gboolean
no_editor (gpointer unused)
{
  return find_editor () == NULL;
}

static char *
member_id (Fixture *f,
           gint64   number)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM member WHERE number = %lld", (long long) number);

  return fixture_query_text (f->db, sql);
}

static gint64
counter_of (Fixture    *f,
            const char *id)
{
  g_auto (ComptoirMemberStatus) status = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_member_status_compute (f->db, id, comptoir_day_today (), &status, &error));
  g_assert_no_error (error);
  return status.counter;
}

static const char *
badge_text (GtkWidget *page)
{
  GtkWidget *badge = find_with_class (page, GTK_TYPE_LABEL, "member-badge");

  g_assert_nonnull (badge);
  g_assert_true (gtk_widget_get_mapped (badge));
  return gtk_label_get_label (GTK_LABEL (badge));
}

static gboolean
revealed (gpointer revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
correction_message_gone (gpointer window)
{
  return !shows_label (window, "Correction of −1 recorded");
}

/* A card scanner, or a person, types the number and Enter. */
static void
search_number (GtkWidget  *window,
               GtkWidget  *entry,
               const char *number)
{
  g_autofree char *keys = g_strdup_printf ("type --delay 20 %s", number);

  click_widget (window, entry);
  settle ();
  xdotool ("key ctrl+a BackSpace");
  xdotool (keys);
  xdotool ("key Return");
  settle ();
}

static void
test_members_window (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  ComptoirDemoOptions options = { .n_products = 20, .n_members = 60, .seed = 11 };
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fragment = NULL;
  g_autofree char *id = NULL;
  g_autofree char *numbers = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  ComptoirMemberEditor *editor;
  AdwMessageDialog *dialog;
  ComptoirWindow *window;
  GtkWidget *page, *entry, *row, *revealer;
  Listed listed;
  gint64 before;
  int index;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  first = fixture_query_text (f->db, "SELECT first_name FROM member WHERE number = 7");
  last = fixture_query_text (f->db, "SELECT last_name FROM member WHERE number = 7");
  name = g_strdup_printf ("%s %s", first, last);
  id = member_id (f, 7);

  xdotool ("version");
  g_settings_set_string (settings, "last-section", "members");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_MEMBERS_PAGE);
  g_assert_nonnull (page);
  wait_for (window_mapped, page);
  settle ();

  /* Nobody picked yet: the page says what to do; the list holds the
   * first fifty members by number. */
  g_assert_true (shows_label (page, "Find a Member"));
  g_assert_null (comptoir_members_page_get_member (COMPTOIR_MEMBERS_PAGE (page)));
  numbers = listed_numbers (page);
  g_assert_true (g_str_has_prefix (numbers, "1 2 3 4 5 "));
  g_assert_true (g_str_has_suffix (numbers, " 49 50"));
  save_screenshot (GTK_WIDGET (window), "members-empty.png");

  /* The start of the first name and of the last name, lower case. */
  entry = find_descendant (page, GTK_TYPE_SEARCH_ENTRY);
  {
    g_autofree char *a = g_utf8_substring (first, 0, 3);
    g_autofree char *b = g_utf8_substring (last, 0, 3);
    g_autofree char *both = g_strdup_printf ("%s %s", a, b);

    fragment = g_utf8_strdown (both, -1);
  }
  click_widget (GTK_WIDGET (window), entry);
  settle ();
  type_text (GTK_EDITABLE (entry), fragment);
  listed = (Listed) { page, "7" };
  wait_for (lists_number, &listed);
  g_clear_pointer (&numbers, g_free);
  numbers = listed_numbers (page);
  g_test_message ("“%s” lists %s", fragment, numbers);
  g_assert_false (g_str_has_suffix (numbers, " 49 50"));

  /* Down goes to the list and picks the first hit; Down again moves on. */
  index = index_of_number (page, "7");
  g_assert_cmpint (index, >=, 0);
  xdotool ("key Down");
  for (int i = 0; i < index; i++)
    xdotool ("key Down");
  settle ();
  g_assert_cmpstr (comptoir_members_page_get_member (COMPTOIR_MEMBERS_PAGE (page)), ==, id);
  g_assert_true (shows_label (page, name));
  g_assert_true (shows_label (page, "No. 7"));
  g_assert_cmpstr (badge_text (page), ==, comptoir_member_status_kind_get_label (COMPTOIR_MEMBER_UP_TO_DATE));
  g_assert_true (gtk_widget_has_css_class (find_with_class (page, GTK_TYPE_LABEL, "member-badge"), "up-to-date"));

  /* Edit: an e-mail the core refuses is said in the form, which stays
   * open; the phone typed for real is then stored. */
  click_widget (GTK_WIDGET (window), find_button (page, "_Edit…"));
  wait_for (has_editor, NULL);
  editor = find_editor ();
  wait_for (window_mapped, editor);
  settle ();
  row = find_row (GTK_WIDGET (editor), "E-mail");
  gtk_editable_set_text (GTK_EDITABLE (row), "not an address");
  row = find_row (GTK_WIDGET (editor), "Phone");
  click_widget (GTK_WIDGET (editor), row);
  settle ();
  xdotool ("key ctrl+a BackSpace");
  xdotool ("type --delay 20 '01 23 45 67 89'");
  xdotool ("key Return");
  settle ();
  g_assert_true (find_editor () == editor);
  revealer = find_descendant (GTK_WIDGET (editor), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  wait_for (revealed, revealer);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_revealer_get_child (GTK_REVEALER (revealer)))), !=, "");
  g_test_message ("refused: %s", gtk_label_get_label (GTK_LABEL (gtk_revealer_get_child (GTK_REVEALER (revealer)))));
  save_screenshot (GTK_WIDGET (editor), "members-edit-refused.png");
  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_cmpstr (record.phone, !=, "01 23 45 67 89");
  comptoir_member_record_clear (&record);
  memset (&record, 0, sizeof record);

  row = find_row (GTK_WIDGET (editor), "E-mail");
  gtk_editable_set_text (GTK_EDITABLE (row), "marie.test@example.org");
  click_widget (GTK_WIDGET (editor), find_row (GTK_WIDGET (editor), "Phone"));
  settle ();
  xdotool ("key Return");
  wait_for (no_editor, NULL);
  settle ();
  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (record.phone, ==, "01 23 45 67 89");
  g_assert_cmpstr (record.email, ==, "marie.test@example.org");
  g_assert_cmpstr (record.first_name, ==, first);
  g_assert_true (shows_label (page, "01 23 45 67 89"));

  /* A correction of −1 with its reason: the counter goes down, the line
   * says why, and the member is now in alert. */
  before = counter_of (f, id);
  click_widget (GTK_WIDGET (window), find_button (page, "Record a _Correction…"));
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  xdotool ("type --delay 20 -- -1");
  xdotool ("key Return");
  settle ();
  xdotool ("type --delay 20 'shift worked at the other shop'");
  xdotool ("key Return");
  wait_for (no_message_dialog, NULL);
  settle ();
  g_assert_cmpint (counter_of (f, id), ==, before - 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM counter_entry "
                                             "WHERE reason = 'shift worked at the other shop'"), ==, 1);
  g_assert_nonnull (find_line (page, comptoir_ledger_kind_get_label (COMPTOIR_LEDGER_CORRECTION),
                               "shift worked at the other shop"));
  {
    g_autofree char *counter = before - 1 < 0 ? g_strdup_printf ("−%lld", (long long) -(before - 1))
                                              : g_strdup_printf ("%lld", (long long) (before - 1));
    g_assert_true (shows_label (page, counter));
  }
  g_assert_cmpstr (badge_text (page), ==, comptoir_member_status_kind_get_label (COMPTOIR_MEMBER_ALERT));
  g_assert_true (shows_label (GTK_WIDGET (window), "Correction of −1 recorded"));
  scroll_to (find_group (page, "Counter: Why This Status"));
  save_screenshot (GTK_WIDGET (window), "members-correction.png");

  /* The demo's member 53 missed three shifts long ago: suspended, found
   * by number and Enter as a scanner types it. */
  search_number (GTK_WIDGET (window), entry, "53");
  g_clear_pointer (&id, g_free);
  id = member_id (f, 53);
  g_assert_cmpstr (comptoir_members_page_get_member (COMPTOIR_MEMBERS_PAGE (page)), ==, id);
  g_assert_cmpstr (badge_text (page), ==, comptoir_member_status_kind_get_label (COMPTOIR_MEMBER_SUSPENDED));
  g_assert_true (gtk_widget_has_css_class (find_with_class (page, GTK_TYPE_LABEL, "member-badge"), "suspended"));
  g_assert_true (shows_label (page, "No. 53"));
  g_assert_nonnull (find_line (page, comptoir_ledger_kind_get_label (COMPTOIR_LEDGER_SHIFT_MISSED), "/"));
  /* The message about member 7 goes away soon once 53 is shown. */
  wait_for (correction_message_gone, window);
  scroll_to_top (find_group (page, "Identity"));
  save_screenshot (GTK_WIDGET (window), "members.png");
  scroll_to (find_group (page, "Counter: Why This Status"));
  save_screenshot (GTK_WIDGET (window), "members-counter.png");

  /* Member 29 missed one a week ago: in alert. */
  search_number (GTK_WIDGET (window), entry, "29");
  g_clear_pointer (&id, g_free);
  id = member_id (f, 29);
  g_assert_cmpstr (badge_text (page), ==, comptoir_member_status_kind_get_label (COMPTOIR_MEMBER_ALERT));
  g_assert_true (shows_label (page, "No. 29"));

  /* A makeup shift tomorrow morning, given back today: late, so the page
   * asks first and says what it costs. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *slot = comptoir_shift_add_slot (f->db, comptoir_day_today () + 1, 9 * 60, 12 * 60,
                                                     COMPTOIR_SHIFT_JOB_SHELVING, 3, NULL, &error);
    g_autofree char *claim = NULL;
    ComptoirClaimOutcome outcome;

    g_assert_no_error (error);
    claim = comptoir_shift_book (f->db, slot, id, NULL, now, &outcome, &error);
    g_assert_no_error (error);
    g_assert_cmpint (outcome, ==, COMPTOIR_CLAIM_ACCEPTED);
  }
  before = counter_of (f, id);
  g_assert_true (comptoir_members_page_show_member (COMPTOIR_MEMBERS_PAGE (page), id));
  settle ();
  row = find_line (page, NULL, "Shelving");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "held"));
  scroll_to (find_group (page, "Upcoming Shifts"));
  save_screenshot (GTK_WIDGET (window), "members-shifts.png");
  click_widget (GTK_WIDGET (window), find_button (row, "_Cancel"));
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "late"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 point"));
  adw_message_dialog_response (dialog, "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpint (counter_of (f, id), ==, before - 1);
  g_assert_null (find_line (page, NULL, "Shelving"));
  g_assert_nonnull (find_line (page, comptoir_ledger_kind_get_label (COMPTOIR_LEDGER_LATE_CANCEL), "/"));

  /* A holiday from today, its end not known: Enter in the empty last
   * day records it; the member owes nothing meanwhile. Ended today. */
  gtk_widget_activate_action (page, "member.leave-period", NULL);
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  save_screenshot (GTK_WIDGET (dialog), "members-leave.png");
  xdotool ("key Return");
  wait_for (no_message_dialog, NULL);
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member_leave"), ==, 1);
  {
    g_autofree char *title = g_strdup_printf ("Leave: %s", comptoir_leave_kind_get_label (COMPTOIR_LEAVE_HOLIDAY));

    row = find_line (page, title, "end not known yet");
    g_assert_nonnull (row);
    g_assert_cmpstr (badge_text (page), ==, comptoir_member_status_kind_get_label (COMPTOIR_MEMBER_EXEMPTED));
    click_widget (GTK_WIDGET (window), find_button (row, "End _Today"));
    settle ();
    g_assert_null (find_line (page, title, "end not known yet"));
    g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member_leave WHERE to_on IS NOT NULL"), ==, 1);
  }

  /* Anonymising cannot be confirmed before the member's number is typed. */
  gtk_widget_activate_action (page, "member.anonymise", NULL);
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be undone"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xdotool ("type --delay 20 2");
  xdotool ("key Return");
  settle ();
  g_assert_true (find_message_dialog () == dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  xdotool ("type --delay 20 9");
  settle ();
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  save_screenshot (GTK_WIDGET (dialog), "members-anonymise.png");
  xdotool ("key Return");
  wait_for (no_message_dialog, NULL);
  settle ();
  comptoir_member_record_clear (&record);
  memset (&record, 0, sizeof record);
  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_true (record.anonymised);
  g_assert_null (record.phone);
  g_assert_cmpint (record.number, ==, 29);
  g_assert_false (gtk_widget_is_sensitive (find_button (page, "_Edit…")));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

/* The office's own work, on a shop with no member yet: a file of
 * members checked before it is imported (a file with errors is not),
 * a member who joins at the office, their shares paid, subscribed and
 * handed on, and their photo. */

static gint64
shares_held (Fixture    *f,
             const char *id,
             gint64     *paid)
{
  g_auto (ComptoirShares) shares = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_member_shares_load (f->db, id, &shares, &error));
  g_assert_no_error (error);
  if (paid != NULL)
    *paid = shares.paid;
  return shares.n_shares;
}

static gboolean
shows_text (gpointer data)
{
  return shows_label (((gpointer *) data)[0], ((gpointer *) data)[1]);
}

static void
wait_for_label (GtkWidget  *widget,
                const char *text)
{
  wait_for (shows_text, (gpointer[]) { widget, (gpointer) text });
}

typedef struct {
  Fixture    *f;
  const char *id;
  gboolean    has_photo;
} PhotoWait;

static gboolean
photo_is (gpointer data)
{
  PhotoWait *wait = data;
  g_auto (ComptoirMemberRecord) record = { 0 };

  return comptoir_member_record_load (wait->f->db, wait->id, &record, NULL) && record.has_photo == wait->has_photo;
}

/* A small picture of the member, drawn as a camera would give it. */
static char *
write_photo (Fixture *f)
{
  char *path = g_build_filename (f->dir, "photo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 96, 96);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.95, 0.8, 0.6);
  cairo_arc (cr, 48, 40, 22, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_arc (cr, 48, 110, 42, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* The import report a dialog shows, as the person reads it. */
static const char *
report_of (AdwMessageDialog *dialog)
{
  GtkWidget *label = find_with_class (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "member-import-report");

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  return gtk_label_get_label (GTK_LABEL (label));
}

static AdwMessageDialog *
import_and_wait (GtkWidget  *page,
                 const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  comptoir_members_page_import_file (COMPTOIR_MEMBERS_PAGE (page), file);
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  g_test_message ("%s: %s\n%s\n%s", name, adw_message_dialog_get_heading (dialog),
                  adw_message_dialog_get_body (dialog), report_of (dialog));
  return dialog;
}

static void
test_members_office (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;
  g_auto (ComptoirMemberRecord) record = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *numbers = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *card = NULL;
  g_autofree char *photo = NULL;
  g_autofree char *not_photo = NULL;
  ComptoirMemberEditor *editor;
  AdwMessageDialog *dialog;
  ComptoirWindow *window;
  GtkWidget *page, *row, *revealer, *avatar;
  GtkListBoxRow *selected;
  PhotoWait photo_wait;
  gint64 paid = 0;

  xdotool ("version");
  g_settings_set_string (settings, "last-section", "members");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_MEMBERS_PAGE);
  g_assert_nonnull (page);
  wait_for (window_mapped, page);
  settle ();
  g_assert_true (shows_label (page, "There are no members yet."));

  /* A file with errors: the check says which lines to fix, Import
   * cannot be pressed, and nothing is written. */
  dialog = import_and_wait (page, "members-errors.csv");
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "lines to fix"));
  g_assert_nonnull (strstr (report_of (dialog), "5 rejected"));
  g_assert_nonnull (strstr (report_of (dialog), "Line 3: "));
  g_assert_nonnull (strstr (report_of (dialog), "Line 4: "));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was imported"));
  g_assert_true (adw_message_dialog_has_response (dialog, "import"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
  save_screenshot (GTK_WIDGET (dialog), "members-import-errors.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for (no_message_dialog, NULL);
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 0);

  /* An Odoo export: the trial run says what it would do, and only the
   * go writes it. */
  dialog = import_and_wait (page, "members-odoo.csv");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import “members-odoo.csv”?");
  g_assert_nonnull (strstr (report_of (dialog), "3 created, 0 updated, 0 unchanged, 0 rejected."));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 0);
  save_screenshot (GTK_WIDGET (dialog), "members-import-check.png");
  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_label (GTK_WIDGET (window), "Import done: 3 created, 0 updated");
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member WHERE number = 1 AND "
                                             "first_name = 'Marie' AND last_name = 'DUPONT'"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member WHERE number = 3 AND "
                                             "email = 'helene@example.org'"), ==, 1);
  numbers = listed_numbers (page);
  g_assert_cmpstr (numbers, ==, "1 2 3");
  first_id = member_id (f, 1);

  /* New Member: a number already taken is refused in the form, which
   * stays open; empty, the next free one is given, with a card and the
   * share subscribed. */
  click_widget (GTK_WIDGET (window),
                find_button_with_tooltip (page, "Add a member, with the next free number and a card"));
  wait_for (has_editor, NULL);
  editor = find_editor ();
  wait_for (window_mapped, editor);
  settle ();
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "New Member");
  g_assert_true (gtk_widget_get_mapped (find_row (GTK_WIDGET (editor), "Member number")));
  g_assert_false (gtk_widget_get_mapped (find_row (GTK_WIDGET (editor), "Participation")));
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Joined on"))), ==, today);
  }
  /* The first name has the focus: typed for real. */
  xdotool ("type --delay 20 Claire");
  settle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "First name"))), ==, "Claire");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "Last name")), "Morel");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (editor), "E-mail")), "claire.morel@example.org");
  row = find_row (GTK_WIDGET (editor), "Member number");
  gtk_editable_set_text (GTK_EDITABLE (row), "3");
  click_widget (GTK_WIDGET (editor), row);
  settle ();
  xdotool ("key Return");
  settle ();
  g_assert_true (find_editor () == editor);
  revealer = find_descendant (GTK_WIDGET (editor), GTK_TYPE_REVEALER);
  wait_for (revealed, revealer);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_revealer_get_child (GTK_REVEALER (revealer)))),
                            "already a member"));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM member"), ==, 3);
  save_screenshot (GTK_WIDGET (editor), "members-new-refused.png");
  xdotool ("key ctrl+a BackSpace");
  xdotool ("key Return");
  wait_for (no_editor, NULL);
  settle ();

  id = member_id (f, 4);
  g_assert_nonnull (id);
  g_assert_true (comptoir_member_record_load (f->db, id, &record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (record.number, ==, 4);
  g_assert_cmpstr (record.first_name, ==, "Claire");
  g_assert_cmpstr (record.last_name, ==, "Morel");
  g_assert_cmpstr (record.email, ==, "claire.morel@example.org");
  g_assert_cmpint (record.join_date, ==, comptoir_day_today ());
  prefix = comptoir_settings_dup (f->db, COMPTOIR_SETTING_MEMBER_CARD_PREFIX);
  card = comptoir_member_card_barcode (prefix, 4);
  g_assert_cmpstr (record.card_barcode, ==, card);
  g_assert_cmpint (shares_held (f, id, &paid), ==, 1);
  g_assert_cmpint (paid, ==, 0);
  /* Shown, and selected in the list. */
  g_assert_cmpstr (comptoir_members_page_get_member (COMPTOIR_MEMBERS_PAGE (page)), ==, id);
  selected = gtk_list_box_get_selected_row (results_of (page));
  g_assert_nonnull (selected);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (selected), "member-id"), ==, id);
  g_assert_true (shows_label (page, "Claire Morel"));
  g_assert_true (shows_label (page, "No. 4"));
  g_assert_true (shows_label (GTK_WIDGET (window), "Claire Morel joined the cooperative as no. 4"));

  /* The payment of the share: what is owed is offered, Enter records it. */
  gtk_widget_activate_action (page, "member.pay-shares", NULL);
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "still owes 10"));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  save_screenshot (GTK_WIDGET (dialog), "members-payment.png");
  xdotool ("key Return");
  wait_for (no_message_dialog, NULL);
  settle ();
  g_assert_cmpint (shares_held (f, id, &paid), ==, 1);
  g_assert_cmpint (paid, ==, 1000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM share_payment WHERE method = 'cash'"), ==, 1);

  /* Two more shares, then two handed on to Marie Dupont, by name. */
  gtk_widget_activate_action (page, "member.subscribe-shares", NULL);
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  xdotool ("type --delay 20 2");
  xdotool ("key Return");
  wait_for (no_message_dialog, NULL);
  settle ();
  g_assert_cmpint (shares_held (f, id, NULL), ==, 3);
  g_assert_true (shows_label (GTK_WIDGET (window), "2 shares subscribed: they are owed until paid"));

  g_assert_cmpint (shares_held (f, first_id, NULL), ==, 0);
  gtk_widget_activate_action (page, "member.transfer-shares", NULL);
  dialog = wait_for_message_dialog ();
  wait_for (window_mapped, dialog);
  settle ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "holds 3 shares"));
  xdotool ("type --delay 20 2");
  xdotool ("key Return");
  xdotool ("type --delay 20 'dupont mar'");
  settle ();
  save_screenshot (GTK_WIDGET (dialog), "members-transfer.png");
  xdotool ("key Return");
  wait_for (no_message_dialog, NULL);
  settle ();
  /* The 10 € paid go with the shares handed on; the share kept is owed. */
  g_assert_cmpint (shares_held (f, id, &paid), ==, 1);
  g_assert_cmpint (paid, ==, 0);
  g_assert_cmpint (shares_held (f, first_id, &paid), ==, 2);
  g_assert_cmpint (paid, ==, 1000);
  g_assert_true (shows_label (GTK_WIDGET (window), "2 shares transferred to Marie DUPONT (no. 1)"));
  row = find_row (page, "Shares held");
  g_assert_nonnull (row);
  g_assert_true (shows_label (row, "1"));

  /* A photo: the core refuses what is not a picture, with its reason;
   * a PNG is shown in the header instead of the initials. */
  avatar = find_with_class (page, ADW_TYPE_AVATAR, "member-avatar");
  g_assert_nonnull (avatar);
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (avatar)));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (avatar)), ==, "Claire Morel");
  not_photo = g_build_filename (f->dir, "photo.txt", NULL);
  g_assert_true (g_file_set_contents (not_photo, "not a picture", -1, NULL));
  {
    g_autoptr (GFile) file = g_file_new_for_path (not_photo);

    comptoir_members_page_set_photo_file (COMPTOIR_MEMBERS_PAGE (page), file);
  }
  wait_for_label (GTK_WIDGET (window), "This file is not a JPEG or PNG picture. Take the photo again, "
                                       "or save it as JPEG or PNG.");
  photo = write_photo (f);
  {
    g_autoptr (GFile) file = g_file_new_for_path (photo);

    comptoir_members_page_set_photo_file (COMPTOIR_MEMBERS_PAGE (page), file);
  }
  photo_wait = (PhotoWait) { f, id, TRUE };
  wait_for (photo_is, &photo_wait);
  wait_for_label (GTK_WIDGET (window), "Photo saved");
  settle ();
  avatar = find_with_class (page, ADW_TYPE_AVATAR, "member-avatar");
  g_assert_nonnull (adw_avatar_get_custom_image (ADW_AVATAR (avatar)));
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (adw_avatar_get_custom_image (ADW_AVATAR (avatar))), ==, 96);
  scroll_to_top (find_group (page, "Identity"));
  save_screenshot (GTK_WIDGET (window), "members-photo.png");
  scroll_to (find_group (page, "Shares"));
  save_screenshot (GTK_WIDGET (window), "members-shares.png");

  gtk_widget_activate_action (page, "member.remove-photo", NULL);
  settle ();
  photo_wait.has_photo = FALSE;
  g_assert_true (photo_is (&photo_wait));
  avatar = find_with_class (page, ADW_TYPE_AVATAR, "member-avatar");
  g_assert_null (adw_avatar_get_custom_image (ADW_AVATAR (avatar)));
  g_assert_true (shows_label (GTK_WIDGET (window), "Photo removed"));

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
  g_test_add ("/comptoir/ui/members/window", Fixture, NULL, fixture_set_up, test_members_window, fixture_tear_down);
  g_test_add ("/comptoir/ui/members/office", Fixture, NULL, fixture_set_up, test_members_office, fixture_tear_down);
  return g_test_run ();
}
