/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-planning-slot"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-planning-page-private.h"
#include "comptoir-till-dialogs.h"

/* One slot in a window of its own: who is in it and in what state, and
 * everything done to a seat — book, cancel, offer, check in, correct —
 * each through the core's shift services, then shown again from the
 * database, so that what is on screen is what was stored. */

typedef struct {
  ComptoirPlanningPage *page;
  char                 *slot_id;
  GtkWidget            *window;
  AdwWindowTitle       *title;
  GtkWidget            *cancelled_label;
  GtkListBox           *seats;
  GtkWidget            *book_box;
  GtkEntry             *entry;
  GtkLabel             *message;
  GtkWidget            *cancel_slot_button;
  ComptoirShiftSlot     slot;
  gboolean              loaded;
} SlotDialog;

static void reload (SlotDialog *dialog);

static void
slot_dialog_free (SlotDialog *dialog)
{
  if (dialog->loaded)
    comptoir_shift_slot_clear (&dialog->slot);
  g_object_unref (dialog->page);
  g_free (dialog->slot_id);
  g_free (dialog);
}

static void
say (SlotDialog *dialog,
     const char *text,
     gboolean    error)
{
  _comptoir_planning_say (dialog->window, dialog->message, text, error);
}

/* After an operation: the error said, or the slot shown anew and the
 * planning behind it too. */
static void
done (SlotDialog  *dialog,
      gboolean     ok,
      GError      *error,
      const char  *success)
{
  if (!ok)
    {
      say (dialog, error->message, TRUE);
      return;
    }
  reload (dialog);
  say (dialog, success, FALSE);
  _comptoir_planning_page_reload (dialog->page);
}

static const ComptoirShiftSeat *
seat_of_button (SlotDialog *dialog,
                GtkWidget  *button)
{
  const char *claim_id = g_object_get_data (G_OBJECT (button), "claim-id");

  for (guint i = 0; i < dialog->slot.seats->len; i++)
    {
      const ComptoirShiftSeat *seat = &g_array_index (dialog->slot.seats, ComptoirShiftSeat, i);

      if (g_strcmp0 (seat->claim_id, claim_id) == 0)
        return seat;
    }
  return NULL;
}

static void
on_check_in_clicked (GtkWidget  *button,
                     SlotDialog *dialog)
{
  const ComptoirShiftSeat *seat = seat_of_button (dialog, button);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *slot_id = NULL;
  g_autofree char *success = NULL;

  if (seat == NULL)
    return;
  slot_id = comptoir_shift_check_in (dialog->page->db, seat->member_id,
                                     dialog->slot_id, NULL, now, &error);
  /* Translators: a member checked in, "Marie Dupont is checked in." */
  success = g_strdup_printf (_("%s is checked in."), seat->name);
  done (dialog, slot_id != NULL, error, success);
}

static void
on_offer_clicked (GtkWidget  *button,
                  SlotDialog *dialog)
{
  const ComptoirShiftSeat *seat = seat_of_button (dialog, button);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *offer_id = NULL;

  if (seat == NULL)
    return;
  offer_id = comptoir_shift_offer (dialog->page->db, dialog->slot_id,
                                   seat->member_id, now, &error);
  done (dialog, offer_id != NULL, error,
        _("The seat is on the exchange board. It stays theirs until someone takes it."));
}

static void
on_withdraw_clicked (GtkWidget  *button,
                     SlotDialog *dialog)
{
  const ComptoirShiftSeat *seat = seat_of_button (dialog, button);
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (seat == NULL)
    return;
  ok = comptoir_shift_withdraw_offer (dialog->page->db, seat->offer_id, &error);
  done (dialog, ok, error, _("The offer is withdrawn."));
}

static void
cancel_seat (SlotDialog *dialog,
             const char *member_id)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  gboolean late = FALSE;
  gboolean ok;

  ok = comptoir_shift_cancel (dialog->page->db, dialog->slot_id, member_id,
                              NULL, now, &late, &error);
  done (dialog, ok, error,
        late ? _("The seat is free again. The late cancellation is on the member's counter.")
             : _("The seat is free again."));
}

static void
on_late_cancel_response (AdwMessageDialog *message,
                         const char       *response,
                         SlotDialog       *dialog)
{
  const char *member_id = g_object_get_data (G_OBJECT (message), "member-id");

  if (g_strcmp0 (response, "cancel-seat") == 0)
    cancel_seat (dialog, member_id);
}

/* Whether cancelling now is late, and what it costs: the person is
 * asked before, not told after. */
static gint
late_cancel_cost (SlotDialog *dialog)
{
  ComptoirDb *db = dialog->page->db;
  ComptoirShiftRules shift_rules;
  ComptoirStatusRules status_rules;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) start = NULL;
  GDate date;

  if (!comptoir_shift_rules_load (db, &shift_rules, NULL) ||
      !comptoir_settings_load_status_rules (db, &status_rules, NULL))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, dialog->slot.day);
  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                 dialog->slot.start_minute / 60, dialog->slot.start_minute % 60, 0);
  if (g_date_time_difference (start, now) >= (GTimeSpan) shift_rules.cancel_notice_hours * G_TIME_SPAN_HOUR)
    return 0;
  return status_rules.late_cancel_points;
}

static void
on_cancel_seat_clicked (GtkWidget  *button,
                        SlotDialog *dialog)
{
  const ComptoirShiftSeat *seat = seat_of_button (dialog, button);
  gint cost;
  AdwMessageDialog *message;
  g_autofree char *body = NULL;

  if (seat == NULL)
    return;
  cost = late_cancel_cost (dialog);
  if (cost == 0)
    {
      cancel_seat (dialog, seat->member_id);
      return;
    }
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The shift starts in less than the notice the shop asks for: "
                                       "cancelling now costs %s %d point on their counter.",
                                       "The shift starts in less than the notice the shop asks for: "
                                       "cancelling now costs %s %d points on their counter.",
                                       ABS (cost)),
                          seat->name, ABS (cost));
  message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (dialog->window),
                                                        _("Cancel Late?"), body));
  adw_message_dialog_add_responses (message, "keep", _("_Keep the Seat"), "cancel-seat", _("_Cancel the Seat"), NULL);
  adw_message_dialog_set_response_appearance (message, "cancel-seat", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (message, "keep");
  g_object_set_data_full (G_OBJECT (message), "member-id", g_strdup (seat->member_id), g_free);
  g_signal_connect (message, "response", G_CALLBACK (on_late_cancel_response), dialog);
  gtk_window_present (GTK_WINDOW (message));
}

typedef struct {
  SlotDialog         *dialog;
  char                member_id[COMPTOIR_ID_LEN + 1];
  ComptoirAttendance  outcome;
} Correction;

static void
correct_with_reason (gpointer    user_data,
                     const char *reason)
{
  Correction *correction = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = comptoir_shift_correct_attendance (correction->dialog->page->db,
                                          correction->dialog->slot_id, correction->member_id,
                                          correction->outcome, reason, NULL, &error);
  done (correction->dialog, ok, error, _("The attendance is corrected, and the counter with it."));
}

static void
on_correct_clicked (GtkWidget  *button,
                    SlotDialog *dialog)
{
  const ComptoirShiftSeat *seat = seat_of_button (dialog, button);
  Correction *correction;
  g_autofree char *body = NULL;

  if (seat == NULL)
    return;
  correction = g_new0 (Correction, 1);
  correction->dialog = dialog;
  g_strlcpy (correction->member_id, seat->member_id, sizeof correction->member_id);
  correction->outcome = seat->attendance == COMPTOIR_ATTENDANCE_PRESENT ? COMPTOIR_ATTENDANCE_ABSENT
                                                                        : COMPTOIR_ATTENDANCE_PRESENT;
  body = correction->outcome == COMPTOIR_ATTENDANCE_PRESENT
           /* Translators: %s is a member's name */
           ? g_strdup_printf (_("%s will count as present, and their counter is corrected. Say why."), seat->name)
           : g_strdup_printf (_("%s will count as absent, and their counter is corrected. Say why."), seat->name);
  g_object_set_data_full (G_OBJECT (dialog->window), "correction", correction, g_free);
  comptoir_till_ask_reason (dialog->window, _("Correct the Attendance"), body, _("_Correct"),
                            correct_with_reason, correction);
}

static GtkWidget *
seat_button (SlotDialog              *dialog,
             const ComptoirShiftSeat *seat,
             const char              *label,
             GCallback                callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "claim-id", g_strdup (seat->claim_id), g_free);
  g_signal_connect (button, "clicked", callback, dialog);
  return button;
}

static const char *
kind_label (ComptoirClaimKind kind)
{
  switch (kind)
    {
    case COMPTOIR_CLAIM_SQUAD:
      return _("their squad's shift");
    case COMPTOIR_CLAIM_MAKEUP:
      return _("a makeup shift");
    case COMPTOIR_CLAIM_TAKE:
      return _("taken from the exchange board");
    case COMPTOIR_CLAIM_BOOK:
    default:
      return _("booked");
    }
}

static GtkWidget *
seat_row_new (SlotDialog              *dialog,
              const ComptoirShiftSeat *seat)
{
  GtkWidget *row = adw_action_row_new ();
  GString *subtitle = g_string_new (NULL);
  gboolean over = dialog->slot.day < comptoir_day_today ();

  /* Translators: a member's number and how they are in the slot, "no. 42 · their squad's shift" */
  g_string_printf (subtitle, _("no. %lld · %s"), (long long) seat->number, kind_label (seat->kind));
  if (seat->state == COMPTOIR_SEAT_PENDING)
    g_string_append_printf (subtitle, " · %s", _("pending: the hub will confirm"));
  else if (seat->state == COMPTOIR_SEAT_OFFERED)
    g_string_append_printf (subtitle, " · %s", _("on the exchange board"));
  if (seat->attendance == COMPTOIR_ATTENDANCE_PRESENT)
    g_string_append_printf (subtitle, " · %s", _("present"));
  else if (seat->attendance == COMPTOIR_ATTENDANCE_ABSENT)
    g_string_append_printf (subtitle, " · %s", _("absent"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), seat->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  g_string_free (subtitle, TRUE);

  if (seat->attendance != COMPTOIR_ATTENDANCE_NONE)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 seat_button (dialog, seat, _("C_orrect…"), G_CALLBACK (on_correct_clicked)));
      return row;
    }
  if (seat->state != COMPTOIR_SEAT_PENDING && !dialog->slot.cancelled)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               seat_button (dialog, seat, _("Check _In"), G_CALLBACK (on_check_in_clicked)));
  if (over)
    return row;
  if (seat->state == COMPTOIR_SEAT_HELD)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               seat_button (dialog, seat, _("_Offer"), G_CALLBACK (on_offer_clicked)));
  else if (seat->state == COMPTOIR_SEAT_OFFERED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               seat_button (dialog, seat, _("_Withdraw Offer"), G_CALLBACK (on_withdraw_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             seat_button (dialog, seat, _("C_ancel Seat"), G_CALLBACK (on_cancel_seat_clicked)));
  return row;
}

static void
reload (SlotDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *fill = NULL;
  GtkWidget *child;
  gboolean over;

  if (dialog->loaded)
    comptoir_shift_slot_clear (&dialog->slot);
  dialog->loaded = comptoir_shift_get_slot (dialog->page->db, dialog->slot_id,
                                            &dialog->slot, &error);
  if (!dialog->loaded)
    {
      say (dialog, error->message, TRUE);
      return;
    }
  over = dialog->slot.day < comptoir_day_today ();
  title = _comptoir_planning_describe_slot (&dialog->slot);
  fill = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u seat taken", "%u of %u seats taken",
                                       dialog->slot.capacity),
                          dialog->slot.n_held, dialog->slot.capacity);
  adw_window_title_set_title (dialog->title, title);
  adw_window_title_set_subtitle (dialog->title, fill);
  gtk_widget_set_visible (dialog->cancelled_label, dialog->slot.cancelled);
  gtk_widget_set_visible (dialog->book_box, !dialog->slot.cancelled && !over);
  gtk_widget_set_visible (dialog->cancel_slot_button, !dialog->slot.cancelled && !over);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (dialog->seats))) != NULL)
    gtk_list_box_remove (dialog->seats, child);
  for (guint i = 0; i < dialog->slot.seats->len; i++)
    gtk_list_box_append (dialog->seats,
                         seat_row_new (dialog, &g_array_index (dialog->slot.seats, ComptoirShiftSeat, i)));
  gtk_widget_set_visible (GTK_WIDGET (dialog->seats), dialog->slot.seats->len > 0);
}

static void
on_book_activate (SlotDialog *dialog)
{
  ComptoirDb *db = dialog->page->db;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *claim_id = NULL;
  char member_id[COMPTOIR_ID_LEN + 1];
  ComptoirClaimOutcome outcome = COMPTOIR_CLAIM_ACCEPTED;

  if (!comptoir_member_find_one (db, gtk_editable_get_text (GTK_EDITABLE (dialog->entry)),
                                       member_id, &error))
    {
      say (dialog, error->message, TRUE);
      return;
    }
  claim_id = comptoir_shift_book (db, dialog->slot_id, member_id, NULL, now, &outcome, &error);
  if (claim_id != NULL)
    gtk_editable_set_text (GTK_EDITABLE (dialog->entry), "");
  done (dialog, claim_id != NULL, error,
        outcome == COMPTOIR_CLAIM_PENDING ? _("Asked: the seat is pending until the hub confirms it.")
                                          : _("Booked."));
  gtk_widget_grab_focus (GTK_WIDGET (dialog->entry));
}

static void
on_cancel_slot_response (AdwMessageDialog *message,
                         const char       *response,
                         SlotDialog       *dialog)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (response, "cancel-slot") != 0)
    return;
  ok = comptoir_shift_cancel_slot (dialog->page->db, dialog->slot_id, NULL, &error);
  done (dialog, ok, error, _("The slot is cancelled; no one is counted absent."));
}

static void
on_cancel_slot_clicked (SlotDialog *dialog)
{
  AdwMessageDialog *message =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (dialog->window), _("Cancel This Slot?"),
                                                _("Everyone in it is released without penalty, and the slot "
                                                  "cannot be booked any more.")));

  adw_message_dialog_add_responses (message, "keep", _("_Keep the Slot"), "cancel-slot", _("_Cancel the Slot"), NULL);
  adw_message_dialog_set_response_appearance (message, "cancel-slot", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (message, "keep");
  g_signal_connect (message, "response", G_CALLBACK (on_cancel_slot_response), dialog);
  gtk_window_present (GTK_WINDOW (message));
}

static GtkWidget *
build_content (SlotDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *book = gtk_button_new_with_mnemonic (_("_Book"));
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  dialog->cancelled_label = gtk_label_new (_("This slot is cancelled."));
  gtk_widget_add_css_class (dialog->cancelled_label, "error-banner");
  gtk_box_append (GTK_BOX (box), dialog->cancelled_label);

  dialog->seats = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (dialog->seats, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->seats), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->seats));

  dialog->book_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  dialog->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (dialog->entry), TRUE);
  gtk_entry_set_placeholder_text (dialog->entry, _("Member number, name or card"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Member to book"), -1);
  g_signal_connect_swapped (dialog->entry, "activate", G_CALLBACK (on_book_activate), dialog);
  g_signal_connect_swapped (book, "clicked", G_CALLBACK (on_book_activate), dialog);
  gtk_widget_add_css_class (book, "suggested-action");
  gtk_box_append (GTK_BOX (dialog->book_box), GTK_WIDGET (dialog->entry));
  gtk_box_append (GTK_BOX (dialog->book_box), book);
  gtk_box_append (GTK_BOX (box), dialog->book_box);

  dialog->message = _comptoir_planning_message_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->message));

  dialog->cancel_slot_button = gtk_button_new_with_mnemonic (_("Cancel This _Slot…"));
  gtk_widget_set_halign (dialog->cancel_slot_button, GTK_ALIGN_END);
  gtk_widget_add_css_class (dialog->cancel_slot_button, "destructive-action");
  g_signal_connect_swapped (dialog->cancel_slot_button, "clicked", G_CALLBACK (on_cancel_slot_clicked), dialog);
  gtk_box_append (GTK_BOX (box), dialog->cancel_slot_button);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

void
_comptoir_planning_open_slot (ComptoirPlanningPage *page,
                              const char           *slot_id)
{
  SlotDialog *dialog = g_new0 (SlotDialog, 1);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  dialog->page = g_object_ref (page);
  dialog->slot_id = g_strdup (slot_id);
  dialog->window = adw_window_new ();
  gtk_window_set_modal (GTK_WINDOW (dialog->window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog->window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 680, 520);
  dialog->title = ADW_WINDOW_TITLE (adw_window_title_new ("", NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (dialog->title));
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), build_content (dialog));
  adw_window_set_content (ADW_WINDOW (dialog->window), content);
  g_object_set_data_full (G_OBJECT (dialog->window), "slot-dialog", dialog, (GDestroyNotify) slot_dialog_free);

  reload (dialog);
  gtk_window_present (GTK_WINDOW (dialog->window));
  gtk_widget_grab_focus (GTK_WIDGET (dialog->entry));
}
