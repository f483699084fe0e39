/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-planning-forms"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-planning-page-private.h"

/* The planning's small windows: what they share (a modal window with a
 * form, the line that says what happened, the rows of a form), the
 * window that adds a one-off slot (an inventory, a delivery) and the one
 * that lists and edits the days the shop is closed. Everything is done
 * by the core's shift services; their refusals are shown in the window,
 * where the person can correct what they typed. */

/* What the windows share ---------------------------------------------------- */

GtkWidget *
_comptoir_planning_window_new (ComptoirPlanningPage *self,
                               const char           *title,
                               int                   width,
                               int                   height,
                               GtkWidget            *action,
                               GtkWidget            *body)
{
  GtkWidget *window = adw_window_new ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  /* Modal: what is typed here belongs to the planning shown behind. */
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_title (GTK_WINDOW (window), title);
  if (action != NULL)
    {
      gtk_widget_add_css_class (action, "suggested-action");
      adw_header_bar_pack_end (ADW_HEADER_BAR (header), action);
    }
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 12);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), body);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (window), content);
  return window;
}

GtkLabel *
_comptoir_planning_message_new (void)
{
  GtkLabel *message = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_wrap (message, TRUE);
  gtk_label_set_xalign (message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (message), "till-message");
  gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
  return message;
}

void
_comptoir_planning_say (GtkWidget  *window,
                        GtkLabel   *message,
                        const char *text,
                        gboolean    error)
{
  gtk_label_set_label (message, text);
  gtk_widget_set_visible (GTK_WIDGET (message), text != NULL);
  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (message), "error");
      gtk_widget_error_bell (window);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (message), "error");
}

/* An error said about what was typed goes once the person types again:
 * left, it would contradict a form they have put right. */
static void
on_row_changed (GtkLabel *message)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (message), "error"))
    gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
}

void
_comptoir_planning_forget_error_on_change (GtkLabel    *message,
                                           AdwEntryRow *row)
{
  g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), message, G_CONNECT_SWAPPED);
}

AdwComboRow *
_comptoir_planning_combo_row_new (const char         *title,
                                  const char * const *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (gtk_string_list_new (items)));
  return row;
}

AdwComboRow *
_comptoir_planning_job_row_new (ComptoirShiftJob job)
{
  const char *jobs[COMPTOIR_SHIFT_N_JOBS + 1] = { NULL };
  AdwComboRow *row;

  for (guint j = 0; j < COMPTOIR_SHIFT_N_JOBS; j++)
    jobs[j] = comptoir_shift_job_get_label ((ComptoirShiftJob) j);
  row = _comptoir_planning_combo_row_new (_("Job"), jobs);
  adw_combo_row_set_selected (row, job);
  return row;
}

AdwEntryRow *
_comptoir_planning_entry_row_new (const char *title,
                                  const char *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  return row;
}

GtkWidget *
_comptoir_planning_spin_row_new (const char     *title,
                                 guint           min,
                                 guint           max,
                                 guint           value,
                                 GtkSpinButton **spin)
{
  GtkWidget *row = adw_action_row_new ();

  /* No AdwSpinRow before libadwaita 1.4. */
  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (min, max, 1));
  gtk_spin_button_set_value (*spin, value);
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  return row;
}

gboolean
_comptoir_planning_read_minute (AdwEntryRow *row,
                                guint       *out)
{
  if (comptoir_shift_parse_minute (gtk_editable_get_text (GTK_EDITABLE (row)), out))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

/* A day is typed as the core stores it (2026-12-25), or picked from a
 * calendar, which writes it the same way: what is in the row is always
 * what will be saved. */
static void
on_calendar_day_selected (GtkCalendar *calendar,
                          AdwEntryRow *row)
{
  g_autoptr (GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), iso);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
}

/* The calendar opens on the day in the row, today when there is none. */
static void
on_calendar_shown (GtkPopover  *popover,
                   AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  ComptoirDay day = comptoir_day_from_iso (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr (GDateTime) date = NULL;
  GDate d;

  if (day == COMPTOIR_DAY_NONE)
    day = comptoir_day_today ();
  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  date = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 12, 0, 0);
  /* Selecting the day says "day-selected", which would close it again. */
  g_signal_handlers_block_by_func (calendar, on_calendar_day_selected, row);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, on_calendar_day_selected, row);
}

AdwEntryRow *
_comptoir_planning_day_row_new (const char  *title,
                                ComptoirDay  day)
{
  char iso[11] = "";
  AdwEntryRow *row;
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  if (day != COMPTOIR_DAY_NONE)
    comptoir_day_to_iso (day, iso);
  row = _comptoir_planning_entry_row_new (title, iso);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected), row);
  g_signal_connect (popover, "show", G_CALLBACK (on_calendar_shown), row);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick the Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick the day from a calendar"), -1);
  adw_entry_row_add_suffix (row, button);
  return row;
}

gboolean
_comptoir_planning_read_day (AdwEntryRow *row,
                             ComptoirDay *out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *out = comptoir_day_from_iso (text);
  if (*out != COMPTOIR_DAY_NONE)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      return TRUE;
    }
  gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return FALSE;
}

/* A one-off slot --------------------------------------------------------------- */

typedef struct {
  ComptoirPlanningPage *page;
  GtkWidget            *window;
  AdwEntryRow          *day_row;
  AdwEntryRow          *start_row;
  AdwEntryRow          *end_row;
  AdwComboRow          *job_row;
  GtkSpinButton        *capacity;
  AdwEntryRow          *role_row;
  GtkLabel             *message;
} SlotForm;

static void
slot_form_free (SlotForm *form)
{
  g_object_unref (form->page);
  g_free (form);
}

static void
on_add_slot_clicked (SlotForm *form)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form->role_row))));
  g_autofree char *description = NULL;
  g_autofree char *added = NULL;
  ComptoirShiftSlot slot = { 0 };
  ComptoirPlanningPage *page = form->page;
  gboolean start_ok, end_ok;

  if (!_comptoir_planning_read_day (form->day_row, &slot.day))
    {
      _comptoir_planning_say (form->window, form->message,
                              _("Give the day as 2026-03-14, or pick it from the calendar."), TRUE);
      return;
    }
  /* Both rows are read, so that both show what is wrong. */
  start_ok = _comptoir_planning_read_minute (form->start_row, &slot.start_minute);
  end_ok = _comptoir_planning_read_minute (form->end_row, &slot.end_minute);
  if (!start_ok || !end_ok)
    {
      _comptoir_planning_say (form->window, form->message, _("Give the hours as 9:00 or 14h30."), TRUE);
      return;
    }
  slot.job = (ComptoirShiftJob) adw_combo_row_get_selected (form->job_row);
  slot.capacity = gtk_spin_button_get_value_as_int (form->capacity);
  id = comptoir_shift_add_slot (page->db, slot.day, slot.start_minute, slot.end_minute, slot.job,
                                slot.capacity, *role != '\0' ? role : NULL, &error);
  if (id == NULL)
    {
      _comptoir_planning_say (form->window, form->message, error->message, TRUE);
      return;
    }
  /* The week of the new slot, which may not be the one shown: the
   * person sees it where it is. */
  if (!comptoir_planning_page_show_week (page, slot.day, &error))
    _comptoir_planning_page_show_message (page, error->message);
  description = _comptoir_planning_describe_slot (&slot);
  /* Translators: a one-off slot was added, "Slot added: Tuesday 24 November, 09:00–12:00 · Cashier." */
  added = g_strdup_printf (_("Slot added: %s."), description);
  _comptoir_planning_page_show_message (page, added);
  gtk_window_destroy (GTK_WINDOW (form->window));
}

void
_comptoir_planning_open_add_slot (ComptoirPlanningPage *self)
{
  SlotForm *form = g_new0 (SlotForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Slot"));
  ComptoirDay today = comptoir_day_today ();
  /* The first day of the week shown that is still to come: a slot is
   * mostly added for the week being planned. */
  ComptoirDay day = self->monday + 6 < today ? today : MAX (self->monday, today);

  form->page = g_object_ref (self);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A shift that no template makes, such as an inventory or a big "
                                           "delivery. Members book it as any other."));
  form->day_row = _comptoir_planning_day_row_new (_("Day (YYYY-MM-DD)"), day);
  form->start_row = _comptoir_planning_entry_row_new (_("Starts at (9:00)"), "9:00");
  form->end_row = _comptoir_planning_entry_row_new (_("Ends at (12:00)"), "12:00");
  form->job_row = _comptoir_planning_job_row_new (COMPTOIR_SHIFT_JOB_OTHER);
  form->role_row = _comptoir_planning_entry_row_new (_("Training needed (empty: anyone)"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->day_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->start_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->end_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->job_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             _comptoir_planning_spin_row_new (_("Seats"), 1, 99, 3, &form->capacity));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (form->role_row));
  gtk_box_append (GTK_BOX (box), group);
  form->message = _comptoir_planning_message_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->message));
  _comptoir_planning_forget_error_on_change (form->message, form->day_row);
  _comptoir_planning_forget_error_on_change (form->message, form->start_row);
  _comptoir_planning_forget_error_on_change (form->message, form->end_row);
  _comptoir_planning_forget_error_on_change (form->message, form->role_row);

  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_slot_clicked), form);
  /* Enter in any text row adds the slot, as the button does. */
  g_signal_connect_swapped (form->day_row, "entry-activated", G_CALLBACK (on_add_slot_clicked), form);
  g_signal_connect_swapped (form->start_row, "entry-activated", G_CALLBACK (on_add_slot_clicked), form);
  g_signal_connect_swapped (form->end_row, "entry-activated", G_CALLBACK (on_add_slot_clicked), form);
  g_signal_connect_swapped (form->role_row, "entry-activated", G_CALLBACK (on_add_slot_clicked), form);
  form->window = _comptoir_planning_window_new (self, _("New Slot"), 520, 560, add, box);
  g_object_set_data_full (G_OBJECT (form->window), "slot-form", form, (GDestroyNotify) slot_form_free);
  gtk_window_present (GTK_WINDOW (form->window));
}

/* Closing days --------------------------------------------------------------- */

typedef struct {
  ComptoirPlanningPage *page;
  GtkWidget            *window;
  GtkListBox           *list;
  AdwEntryRow          *day_row;
  AdwEntryRow          *label_row;
  GtkLabel             *message;
} ClosingForm;

static void
closing_form_free (ClosingForm *form)
{
  g_object_unref (form->page);
  g_free (form);
}

static void on_remove_closing_clicked (GtkWidget   *button,
                                       ClosingForm *form);

static char *
long_day (ComptoirDay day)
{
  /* Translators: a closing day, "Thursday 25 December 2026" (strftime) */
  g_autofree char *text = _comptoir_planning_format_day (day, _("%A %e %B %Y"));

  return g_strdup (g_strstrip (text));
}

static void
reload_closing_days (ClosingForm *form)
{
  g_autoptr (GArray) days = NULL;
  g_autoptr (GError) error = NULL;
  ComptoirDay today = comptoir_day_today ();
  GtkWidget *child;
  GDate until;

  /* The coming twelve months: the year of holidays a shop plans. */
  g_date_clear (&until, 1);
  g_date_set_julian (&until, today);
  g_date_add_months (&until, 12);
  if (!comptoir_shift_list_closing_days (form->page->db, today, g_date_get_julian (&until) - 1, &days, &error))
    {
      _comptoir_planning_say (form->window, form->message, error->message, TRUE);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (form->list))) != NULL)
    gtk_list_box_remove (form->list, child);
  for (guint i = 0; i < days->len; i++)
    {
      const ComptoirClosingDay *closed = &g_array_index (days, ComptoirClosingDay, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = long_day (closed->day);
      /* Translators: the accessible name of a button, "Remove the closing day of Thursday 25 December 2026" */
      g_autofree char *name = g_strdup_printf (_("Remove the closing day of %s"), title);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), closed->label);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Closing Day"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (remove), "day", GUINT_TO_POINTER (closed->day));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_closing_clicked), form);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (form->list, row);
    }
  if (days->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No closing day in the coming twelve months"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Add public holidays and inventory days below."));
      gtk_list_box_append (form->list, row);
    }
}

static void
on_remove_closing_clicked (GtkWidget   *button,
                           ClosingForm *form)
{
  ComptoirDay day = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "day"));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *when = long_day (day);

  if (!comptoir_shift_remove_closing_day (form->page->db, day, &error))
    {
      _comptoir_planning_say (form->window, form->message, error->message, TRUE);
      return;
    }
  /* The core does not bring cancelled slots back (their members were
   * released): the person is told, so that they add one-off slots if
   * the day needs people after all. */
  text = g_strdup_printf (_("The shop is open on %s again. Slots already cancelled for that day stay cancelled; "
                            "generating the coming weeks makes those not made yet."), when);
  reload_closing_days (form);
  _comptoir_planning_say (form->window, form->message, text, FALSE);
  _comptoir_planning_page_reload (form->page);
}

static void
add_closing_day (ClosingForm *form,
                 ComptoirDay  day)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *when = long_day (day);
  guint n_cancelled = 0;

  if (!comptoir_shift_add_closing_day (form->page->db, day, gtk_editable_get_text (GTK_EDITABLE (form->label_row)),
                                       &n_cancelled, &error))
    {
      _comptoir_planning_say (form->window, form->message, error->message, TRUE);
      return;
    }
  if (n_cancelled == 0)
    text = g_strdup_printf (_("The shop is closed on %s: no slot will be made for that day."), when);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The shop is closed on %s: %u slot was cancelled, and everyone in it "
                                         "released without penalty.",
                                         "The shop is closed on %s: %u slots were cancelled, and everyone in them "
                                         "released without penalty.",
                                         n_cancelled),
                            when, n_cancelled);
  gtk_editable_set_text (GTK_EDITABLE (form->day_row), "");
  gtk_editable_set_text (GTK_EDITABLE (form->label_row), "");
  reload_closing_days (form);
  _comptoir_planning_say (form->window, form->message, text, FALSE);
  _comptoir_planning_page_reload (form->page);
}

static void
on_close_day_response (AdwMessageDialog *dialog,
                       const char       *response,
                       ClosingForm      *form)
{
  if (g_strcmp0 (response, "close") == 0)
    add_closing_day (form, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "day")));
}

static void
on_add_closing_clicked (ClosingForm *form)
{
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *when = NULL;
  AdwMessageDialog *dialog;
  ComptoirDay day;
  guint n_open = 0;

  if (!_comptoir_planning_read_day (form->day_row, &day))
    {
      _comptoir_planning_say (form->window, form->message,
                              _("Give the day as 2026-12-25, or pick it from the calendar."), TRUE);
      return;
    }
  if (!comptoir_shift_list_slots (form->page->db, day, day, &slots, &error))
    {
      _comptoir_planning_say (form->window, form->message, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < slots->len; i++)
    n_open += g_array_index (slots, ComptoirShiftSlot, i).cancelled ? 0 : 1;
  /* Slots already made are cancelled and their seats given back, which
   * removing the day later does not undo: the person is asked first. */
  if (n_open == 0)
    {
      add_closing_day (form, day);
      return;
    }
  when = long_day (day);
  /* Translators: "Close the Shop on Thursday 25 December 2026?" */
  heading = g_strdup_printf (_("Close the Shop on %s?"), when);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u slot is already made for that day: it will be cancelled, and everyone in "
                                       "it released without penalty. Removing the closing day later does not bring "
                                       "it back.",
                                       "%u slots are already made for that day: they will be cancelled, and everyone "
                                       "in them released without penalty. Removing the closing day later does not "
                                       "bring them back.",
                                       n_open),
                          n_open);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (form->window), heading, body));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Open"), "close", _("_Close the Shop"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "day", GUINT_TO_POINTER (day));
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_day_response), form);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_comptoir_planning_open_closing_days (ComptoirPlanningPage *self)
{
  ClosingForm *form = g_new0 (ClosingForm, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *days = adw_preferences_group_new ();
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Closing Day"));

  form->page = g_object_ref (self);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (days), _("Coming Closing Days"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (days),
                                         _("No slot is made for a day the shop is closed, and those already "
                                           "made are cancelled."));
  form->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (form->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (form->list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (days), GTK_WIDGET (form->list));
  gtk_box_append (GTK_BOX (box), days);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _("Close the Shop"));
  form->day_row = _comptoir_planning_day_row_new (_("Day (YYYY-MM-DD)"), COMPTOIR_DAY_NONE);
  form->label_row = _comptoir_planning_entry_row_new (_("Why (such as Christmas)"), NULL);
  g_signal_connect_swapped (form->day_row, "entry-activated", G_CALLBACK (on_add_closing_clicked), form);
  g_signal_connect_swapped (form->label_row, "entry-activated", G_CALLBACK (on_add_closing_clicked), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (form->day_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (form->label_row));
  gtk_widget_set_halign (add, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add, 12);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_closing_clicked), form);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add);
  gtk_box_append (GTK_BOX (box), add_group);
  form->message = _comptoir_planning_message_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->message));
  _comptoir_planning_forget_error_on_change (form->message, form->day_row);
  _comptoir_planning_forget_error_on_change (form->message, form->label_row);

  form->window = _comptoir_planning_window_new (self, _("Closing Days"), 560, 640, NULL, box);
  g_object_set_data_full (G_OBJECT (form->window), "closing-days", form, (GDestroyNotify) closing_form_free);
  reload_closing_days (form);
  gtk_window_present (GTK_WINDOW (form->window));
}
