/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-planning-board"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-planning-page-private.h"
#include "comptoir-till-dialogs.h"

/* The planning's other views: the cycle's templates with their squads,
 * the exchange board, and the "shift now" screen members check in on. */

static void
clear_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The cycle ------------------------------------------------------------- */

static GtkWidget *
template_card_new (const ComptoirShiftTemplate *template)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *level = gtk_level_bar_new_for_interval (0, template->capacity);
  g_autofree char *start = comptoir_shift_format_minute (template->start_minute);
  g_autofree char *end = comptoir_shift_format_minute (template->end_minute);
  g_autofree char *times = g_strdup_printf ("%s–%s", start, end);
  /* Translators: a squad's size over the template's capacity, "Squad: 2 of 3" */
  g_autofree char *squad = g_strdup_printf (_("Squad: %u of %u"), template->n_squad, template->capacity);

  gtk_box_append (GTK_BOX (box), label_new (times, "heading"));
  gtk_box_append (GTK_BOX (box), label_new (comptoir_shift_job_get_label (template->job), "caption"));
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_MODE_DISCRETE);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (level), MIN (template->n_squad, template->capacity));
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (level), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_box_append (GTK_BOX (box), level);
  gtk_box_append (GTK_BOX (box), label_new (squad, "caption"));
  if (!template->active)
    {
      gtk_box_append (GTK_BOX (box), label_new (_("Inactive: makes no slots"), "caption"));
      gtk_widget_add_css_class (box, "dim-label");
    }
  return box;
}

static void
template_copy_free (ComptoirShiftTemplate *template)
{
  comptoir_shift_template_clear (template);
  g_free (template);
}

static void
on_template_clicked (GtkButton            *button,
                     ComptoirPlanningPage *self)
{
  _comptoir_planning_open_template (self, g_object_get_data (G_OBJECT (button), "template"));
}

static GtkWidget *
template_button_new (ComptoirPlanningPage        *self,
                     const ComptoirShiftTemplate *template)
{
  GtkWidget *button = gtk_button_new ();
  ComptoirShiftTemplate *copy = g_memdup2 (template, sizeof *template);
  g_autofree char *start = comptoir_shift_format_minute (template->start_minute);
  /* Translators: a template's tooltip, "Cashier at 09:00: edit it and its squad" */
  g_autofree char *tooltip = g_strdup_printf (_("%s at %s: edit it and its squad"),
                                              comptoir_shift_job_get_label (template->job), start);

  copy->required_role = g_strdup (template->required_role);
  gtk_button_set_child (GTK_BUTTON (button), template_card_new (template));
  gtk_widget_add_css_class (button, "slot-card");
  gtk_widget_add_css_class (button, "template-card");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "template", copy, (GDestroyNotify) template_copy_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_template_clicked), self);
  return button;
}

void
_comptoir_planning_reload_cycle (ComptoirPlanningPage *self)
{
  g_autoptr (GArray) templates = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *since = NULL;
  g_autofree char *description = NULL;
  ComptoirStatusRules rules;
  GtkWidget *cells[52][7] = { { NULL } };
  guint n_weeks;

  if (!comptoir_settings_load_status_rules (self->db, &rules, &error) ||
      !comptoir_shift_list_templates (self->db, comptoir_day_today (), &templates, &error))
    {
      _comptoir_planning_page_show_message (self, error->message);
      return;
    }
  n_weeks = MIN ((rules.cycle_days + 6) / 7, 52);
  /* Translators: the start of the shop's cycle, "Monday 1 January 2024" (strftime) */
  since = _comptoir_planning_format_day (rules.cycle_start, _("%A %e %B %Y"));
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "A cycle of %u week (%u days), counted from %s. Standard members "
                                              "work their squad's slot once a cycle; flying members book any slot.",
                                              "A cycle of %u weeks (%u days), counted from %s. Standard members "
                                              "work their squad's slot once a cycle; flying members book any slot.",
                                              n_weeks),
                                 n_weeks, rules.cycle_days, g_strstrip (since));
  gtk_label_set_label (self->cycle_label, description);

  clear_children (GTK_WIDGET (self->cycle_grid));
  for (guint d = 0; d < 7; d++)
    {
      /* 2024-01-01 was a Monday: its week names the weekdays in the
       * machine's language. */
      g_autofree char *name = _comptoir_planning_format_day (comptoir_day_from_iso ("2024-01-01") + d, "%A");

      gtk_grid_attach (self->cycle_grid, label_new (name, "heading"), d + 1, 0, 1, 1);
    }
  for (guint w = 0; w < n_weeks; w++)
    {
      g_autofree char *letter = comptoir_shift_week_letter (w);
      /* Translators: a row of the cycle, "Week A" */
      g_autofree char *text = g_strdup_printf (_("Week %s"), letter);
      GtkWidget *label = label_new (text, "title-4");

      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_grid_attach (self->cycle_grid, label, 0, w + 1, 1, 1);
    }
  for (guint i = 0; i < templates->len; i++)
    {
      const ComptoirShiftTemplate *template = &g_array_index (templates, ComptoirShiftTemplate, i);
      guint w = template->week_index, d = template->weekday - 1;

      if (w >= n_weeks || d >= 7)
        continue;
      if (cells[w][d] == NULL)
        {
          cells[w][d] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          gtk_widget_set_valign (cells[w][d], GTK_ALIGN_START);
          gtk_grid_attach (self->cycle_grid, cells[w][d], d + 1, w + 1, 1, 1);
        }
      gtk_box_append (GTK_BOX (cells[w][d]), template_button_new (self, template));
    }
  if (templates->len == 0)
    gtk_grid_attach (self->cycle_grid,
                     label_new (_("No template yet: add the shifts of the cycle with Add a Template."), "dim-label"),
                     0, n_weeks + 1, 8, 1);
}

/* The exchange board ------------------------------------------------------ */

typedef struct {
  ComptoirPlanningPage *page;
  char                  offer_id[COMPTOIR_ID_LEN + 1];
} Take;

static void
take_for (gpointer    user_data,
          const char *text)
{
  Take *take = user_data;
  ComptoirPlanningPage *self = take->page;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *claim_id = NULL;
  char member_id[COMPTOIR_ID_LEN + 1];
  ComptoirClaimOutcome outcome = COMPTOIR_CLAIM_ACCEPTED;

  if (!comptoir_member_find_one (self->db, text, member_id, &error))
    {
      _comptoir_planning_page_show_message (self, error->message);
      return;
    }
  claim_id = comptoir_shift_take (self->db, take->offer_id, member_id, NULL, now, &outcome, &error);
  if (claim_id == NULL)
    _comptoir_planning_page_show_message (self, error->message);
  else
    _comptoir_planning_page_show_message (self, outcome == COMPTOIR_CLAIM_PENDING
                                                  ? _("Asked: the seat moves once the hub confirms it.")
                                                  : _("Taken: the shift, and the duty to come, are theirs now."));
  _comptoir_planning_page_reload (self);
}

static void
on_take_clicked (GtkButton            *button,
                 ComptoirPlanningPage *self)
{
  Take *take = g_new0 (Take, 1);

  take->page = self;
  g_strlcpy (take->offer_id, g_object_get_data (G_OBJECT (button), "offer-id"), sizeof take->offer_id);
  g_object_set_data_full (G_OBJECT (self->offers_list), "take", take, g_free);
  comptoir_till_ask_reason (GTK_WIDGET (self), _("Take This Shift"),
                            _("Who takes it? Scan their card, or type their number or name. The shift, and "
                              "the duty to come, become theirs."),
                            _("_Take"), take_for, take);
}

void
_comptoir_planning_reload_offers (ComptoirPlanningPage *self)
{
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GError) error = NULL;
  guint n_offers = 0;

  if (!comptoir_shift_list_offers (self->db, comptoir_day_today (), &slots, &error))
    {
      _comptoir_planning_page_show_message (self, error->message);
      return;
    }
  clear_children (GTK_WIDGET (self->offers_list));
  for (guint i = 0; i < slots->len; i++)
    {
      const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);
      g_autofree char *title = _comptoir_planning_describe_slot (slot);

      for (guint j = 0; j < slot->seats->len; j++)
        {
          const ComptoirShiftSeat *seat = &g_array_index (slot->seats, ComptoirShiftSeat, j);
          GtkWidget *row, *button;
          g_autofree char *subtitle = NULL;

          if (seat->state != COMPTOIR_SEAT_OFFERED)
            continue;
          row = adw_action_row_new ();
          /* Translators: who offers a seat, "Offered by Marie Dupont (no. 42)" */
          subtitle = g_strdup_printf (_("Offered by %s (no. %lld)"), seat->name, (long long) seat->number);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          button = gtk_button_new_with_mnemonic (_("_Take…"));
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "suggested-action");
          g_object_set_data_full (G_OBJECT (button), "offer-id", g_strdup (seat->offer_id), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_take_clicked), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          gtk_list_box_append (self->offers_list, row);
          n_offers++;
        }
    }
  if (n_offers == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No shift is offered right now"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("A member who cannot come offers their seat from the slot in the Week view; "
                                     "it appears here for others to take."));
      gtk_list_box_append (self->offers_list, row);
    }
}

/* Shift now ---------------------------------------------------------------- */

void
_comptoir_planning_check_in (ComptoirPlanningPage *self,
                             const char           *member_id,
                             const char           *slot_id)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *checked_slot = NULL;
  g_autofree char *message = NULL;
  g_auto (ComptoirMemberAtTill) member = { 0 };

  checked_slot = comptoir_shift_check_in (self->db, member_id, slot_id, NULL, now, &error);
  if (checked_slot == NULL)
    {
      gtk_label_set_label (self->checkin_message, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->checkin_message), "error");
      gtk_widget_error_bell (GTK_WIDGET (self));
    }
  else
    {
      if (comptoir_member_lookup_id (self->db, member_id, &member, NULL))
        /* Translators: a member checked in, "Welcome, Marie Dupont: you are checked in." */
        message = g_strdup_printf (_("Welcome, %s: you are checked in."), member.name);
      gtk_label_set_label (self->checkin_message, message != NULL ? message : _("Checked in."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->checkin_message), "error");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->checkin_message), TRUE);
  _comptoir_planning_reload_now (self);
}

static void
on_expected_clicked (GtkButton            *button,
                     ComptoirPlanningPage *self)
{
  _comptoir_planning_check_in (self, g_object_get_data (G_OBJECT (button), "member-id"),
                               g_object_get_data (G_OBJECT (button), "slot-id"));
  gtk_widget_grab_focus (GTK_WIDGET (self->checkin_entry));
}

static GtkWidget *
expected_button_new (ComptoirPlanningPage    *self,
                     const ComptoirShiftSlot *slot,
                     const ComptoirShiftSeat *seat)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *number = g_strdup_printf (_("no. %lld"), (long long) seat->number);
  const char *state = NULL;

  gtk_box_append (GTK_BOX (box), label_new (seat->name, "heading"));
  if (seat->attendance == COMPTOIR_ATTENDANCE_PRESENT)
    state = _("checked in");
  else if (seat->attendance == COMPTOIR_ATTENDANCE_ABSENT)
    state = _("absent");
  if (state != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", number, state);
      gtk_box_append (GTK_BOX (box), label_new (text, "caption"));
    }
  else
    gtk_box_append (GTK_BOX (box), label_new (number, "caption"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "expected-member");
  gtk_widget_set_focus_on_click (button, FALSE);
  if (seat->attendance == COMPTOIR_ATTENDANCE_NONE)
    {
      g_object_set_data_full (G_OBJECT (button), "member-id", g_strdup (seat->member_id), g_free);
      g_object_set_data_full (G_OBJECT (button), "slot-id", g_strdup (slot->id), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_expected_clicked), self);
      gtk_widget_set_tooltip_text (button, _("Tap to check in"));
    }
  else
    {
      gtk_widget_add_css_class (button, seat->attendance == COMPTOIR_ATTENDANCE_PRESENT ? "present" : "absent");
      gtk_widget_set_sensitive (button, FALSE);
    }
  return button;
}

void
_comptoir_planning_reload_now (ComptoirPlanningPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GArray) slots = NULL;
  g_autoptr (GError) error = NULL;

  if (!comptoir_shift_list_now (self->db, now, &slots, &error))
    {
      _comptoir_planning_page_show_message (self, error->message);
      return;
    }
  clear_children (GTK_WIDGET (self->now_box));
  for (guint i = 0; i < slots->len; i++)
    {
      const ComptoirShiftSlot *slot = &g_array_index (slots, ComptoirShiftSlot, i);
      g_autofree char *title = _comptoir_planning_describe_slot (slot);
      GtkWidget *flow = gtk_flow_box_new ();

      gtk_box_append (self->now_box, label_new (title, "title-3"));
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 6);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 8);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 8);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
      for (guint j = 0; j < slot->seats->len; j++)
        {
          const ComptoirShiftSeat *seat = &g_array_index (slot->seats, ComptoirShiftSeat, j);

          if (seat->state != COMPTOIR_SEAT_PENDING)
            gtk_flow_box_append (GTK_FLOW_BOX (flow), expected_button_new (self, slot, seat));
        }
      if (slot->seats->len == 0)
        gtk_box_append (self->now_box, label_new (_("No one is expected: a member who turns up checks in with "
                                                    "their card and is booked."), "dim-label"));
      else
        gtk_box_append (self->now_box, flow);
    }
  if (slots->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "alarm-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Shift Right Now"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Check-in opens shortly before a shift starts. The Week view shows "
                                         "the coming ones."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (self->now_box, status);
    }
}
