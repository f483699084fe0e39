/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-planning-template"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-planning-page-private.h"

/* A shift template in a window of its own: when it comes back in the
 * cycle, its hours, job, capacity and the training it needs, and its
 * squad — the standard members who work it every cycle. Saved through
 * the core, which checks it; its refusal is shown in the window. */

typedef struct {
  ComptoirPlanningPage  *page;
  ComptoirShiftTemplate  template;   /* id empty: a new one */
  guint                  n_weeks;
  GtkWidget             *window;
  AdwComboRow           *week_row;
  AdwComboRow           *weekday_row;
  AdwEntryRow           *start_row;
  AdwEntryRow           *end_row;
  AdwComboRow           *job_row;
  GtkSpinButton         *capacity;
  AdwEntryRow           *role_row;
  GtkSwitch             *active;
  GtkWidget             *squad_group;
  GtkListBox            *squad_list;
  GtkEntry              *squad_entry;
  GtkLabel              *message;
} TemplateDialog;

static void
template_dialog_free (TemplateDialog *dialog)
{
  comptoir_shift_template_clear (&dialog->template);
  g_object_unref (dialog->page);
  g_free (dialog);
}

static void
say (TemplateDialog *dialog,
     const char     *text,
     gboolean        error)
{
  _comptoir_planning_say (dialog->window, dialog->message, text, error);
}

static void on_squad_remove_clicked (GtkWidget      *button,
                                     TemplateDialog *dialog);

static GtkWidget *
squad_remove_button_new (TemplateDialog            *dialog,
                         const ComptoirSquadMember *member)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  /* Translators: the accessible name of a button, "Remove Marie Dupont from the squad" */
  g_autofree char *name = g_strdup_printf (_("Remove %s from the squad"), member->name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove From Squad"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "member-id", g_strdup (member->member_id), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (member->name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_squad_remove_clicked), dialog);
  return button;
}

static void
reload_squad (TemplateDialog *dialog)
{
  g_autoptr (GArray) squad = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  gtk_widget_set_visible (dialog->squad_group, dialog->template.id[0] != '\0');
  if (dialog->template.id[0] == '\0')
    return;
  if (!comptoir_shift_squad_list (dialog->page->db, dialog->template.id, comptoir_day_today (), &squad, &error))
    {
      say (dialog, error->message, TRUE);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (dialog->squad_list))) != NULL)
    gtk_list_box_remove (dialog->squad_list, child);
  for (guint i = 0; i < squad->len; i++)
    {
      const ComptoirSquadMember *member = &g_array_index (squad, ComptoirSquadMember, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *since = NULL;
      char day[11];

      comptoir_day_to_iso (member->from_on, day);
      /* Translators: a squad member's number and since when, "no. 42, since 2026-01-05" */
      since = g_strdup_printf (_("no. %lld, since %s"), (long long) member->number, day);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), since);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), squad_remove_button_new (dialog, member));
      gtk_list_box_append (dialog->squad_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (dialog->squad_list), squad->len > 0);
}

static void
on_save_clicked (TemplateDialog *dialog)
{
  g_auto (ComptoirShiftTemplate) template = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (dialog->role_row))));

  template = dialog->template;
  template.required_role = NULL;
  if (!_comptoir_planning_read_minute (dialog->start_row, &template.start_minute) ||
      !_comptoir_planning_read_minute (dialog->end_row, &template.end_minute))
    {
      say (dialog, _("Give the hours as 9:00 or 14h30."), TRUE);
      return;
    }
  template.week_index = adw_combo_row_get_selected (dialog->week_row);
  template.weekday = adw_combo_row_get_selected (dialog->weekday_row) + 1;
  template.job = (ComptoirShiftJob) adw_combo_row_get_selected (dialog->job_row);
  template.capacity = gtk_spin_button_get_value_as_int (dialog->capacity);
  template.required_role = *role != '\0' ? g_strdup (role) : NULL;
  template.active = gtk_switch_get_active (dialog->active);

  id = comptoir_shift_template_save (dialog->page->db, &template, &error);
  if (id == NULL)
    {
      say (dialog, error->message, TRUE);
      return;
    }
  g_strlcpy (dialog->template.id, id, sizeof dialog->template.id);
  say (dialog, _("Saved. Slots already made keep their hours: the next ones generated follow the template."),
       FALSE);
  reload_squad (dialog);
  _comptoir_planning_page_reload (dialog->page);
}

static void
on_squad_add (TemplateDialog *dialog)
{
  g_autoptr (GError) error = NULL;
  char member_id[COMPTOIR_ID_LEN + 1];

  if (!comptoir_member_find_one (dialog->page->db, gtk_editable_get_text (GTK_EDITABLE (dialog->squad_entry)),
                                       member_id, &error) ||
      !comptoir_shift_squad_join (dialog->page->db, dialog->template.id, member_id, comptoir_day_today (), &error))
    {
      say (dialog, error->message, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (dialog->squad_entry), "");
  say (dialog, _("In the squad from today: their seats in the slots already made are given."), FALSE);
  reload_squad (dialog);
  _comptoir_planning_page_reload (dialog->page);
}

static void
on_squad_remove_response (AdwMessageDialog *message,
                          const char       *response,
                          TemplateDialog   *dialog)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  /* From today: the day before is their last in the squad, and seats
   * from today on are given back without penalty. */
  if (!comptoir_shift_squad_leave (dialog->page->db, g_object_get_data (G_OBJECT (message), "member-id"),
                                   comptoir_day_today (), &error))
    {
      say (dialog, error->message, TRUE);
      return;
    }
  /* Translators: %s is a member's name */
  text = g_strdup_printf (_("%s left the squad: their seats in its coming slots are free again."),
                          (const char *) g_object_get_data (G_OBJECT (message), "name"));
  say (dialog, text, FALSE);
  reload_squad (dialog);
  _comptoir_planning_page_reload (dialog->page);
}

/* Leaving a squad gives back seats other members may then book: the
 * person confirms first, as for cancelling a slot. */
static void
on_squad_remove_clicked (GtkWidget      *button,
                         TemplateDialog *dialog)
{
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  /* Translators: "Remove Marie Dupont From the Squad?" */
  g_autofree char *heading = g_strdup_printf (_("Remove %s From the Squad?"), name);
  AdwMessageDialog *message =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (dialog->window), heading,
                                                _("From today, they no longer work this shift every cycle: "
                                                  "their seats in its coming slots are given back, without "
                                                  "penalty.")));

  adw_message_dialog_add_responses (message, "keep", _("_Keep"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (message, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (message, "keep");
  g_object_set_data_full (G_OBJECT (message), "member-id",
                          g_strdup (g_object_get_data (G_OBJECT (button), "member-id")), g_free);
  g_object_set_data_full (G_OBJECT (message), "name", g_strdup (name), g_free);
  g_signal_connect (message, "response", G_CALLBACK (on_squad_remove_response), dialog);
  gtk_window_present (GTK_WINDOW (message));
}

static GtkWidget *
build_form (TemplateDialog *dialog)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autoptr (GPtrArray) weeks = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) weekdays = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *start = comptoir_shift_format_minute (dialog->template.start_minute);
  g_autofree char *end = comptoir_shift_format_minute (dialog->template.end_minute);
  GtkWidget *row;

  for (guint w = 0; w < dialog->n_weeks; w++)
    {
      g_autofree char *letter = comptoir_shift_week_letter (w);
      g_ptr_array_add (weeks, g_strdup_printf (_("Week %s"), letter));
    }
  g_ptr_array_add (weeks, NULL);
  for (guint d = 0; d < 7; d++)
    g_ptr_array_add (weekdays, _comptoir_planning_format_day (comptoir_day_from_iso ("2024-01-01") + d, "%A"));
  g_ptr_array_add (weekdays, NULL);

  dialog->week_row = _comptoir_planning_combo_row_new (_("Week of the cycle"), (const char * const *) weeks->pdata);
  adw_combo_row_set_selected (dialog->week_row, MIN (dialog->template.week_index, dialog->n_weeks - 1));
  dialog->weekday_row = _comptoir_planning_combo_row_new (_("Day"), (const char * const *) weekdays->pdata);
  adw_combo_row_set_selected (dialog->weekday_row, CLAMP (dialog->template.weekday, 1, 7) - 1);
  dialog->start_row = _comptoir_planning_entry_row_new (_("Starts at (9:00)"), start);
  dialog->end_row = _comptoir_planning_entry_row_new (_("Ends at (12:00)"), end);
  dialog->job_row = _comptoir_planning_job_row_new (dialog->template.job);
  dialog->role_row = _comptoir_planning_entry_row_new (_("Training needed (empty: anyone)"), dialog->template.required_role);

  row = _comptoir_planning_spin_row_new (_("Seats"), 1, 99, dialog->template.capacity, &dialog->capacity);

  dialog->active = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (dialog->active, dialog->template.active);
  gtk_widget_set_valign (GTK_WIDGET (dialog->active), GTK_ALIGN_CENTER);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->week_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->weekday_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->start_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->end_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->job_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (dialog->role_row));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Makes slots"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Off: no more slots are generated from it"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->active));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (dialog->active));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static GtkWidget *
build_squad (TemplateDialog *dialog)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add to Squad"));

  dialog->squad_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (dialog->squad_group), _("Squad"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (dialog->squad_group),
                                         _("Standard members who work this shift every cycle."));
  dialog->squad_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (dialog->squad_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (dialog->squad_list), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (dialog->squad_group), GTK_WIDGET (dialog->squad_list));

  dialog->squad_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (dialog->squad_entry), TRUE);
  gtk_entry_set_placeholder_text (dialog->squad_entry, _("Member number, name or card"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->squad_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Member to add to the squad"), -1);
  g_signal_connect_swapped (dialog->squad_entry, "activate", G_CALLBACK (on_squad_add), dialog);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_squad_add), dialog);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->squad_entry));
  gtk_box_append (GTK_BOX (box), add);
  gtk_widget_set_margin_top (box, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (dialog->squad_group), box);
  return dialog->squad_group;
}

void
_comptoir_planning_open_template (ComptoirPlanningPage        *page,
                                  const ComptoirShiftTemplate *template)
{
  TemplateDialog *dialog = g_new0 (TemplateDialog, 1);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  ComptoirStatusRules rules;

  dialog->page = g_object_ref (page);
  if (!comptoir_settings_load_status_rules (page->db, &rules, NULL))
    comptoir_status_rules_init_default (&rules);
  dialog->n_weeks = MAX (1, MIN ((rules.cycle_days + 6) / 7, 52));
  if (template != NULL)
    {
      dialog->template = *template;
      dialog->template.required_role = g_strdup (template->required_role);
    }
  else
    {
      dialog->template.weekday = 1;
      dialog->template.start_minute = 9 * 60;
      dialog->template.end_minute = 12 * 60;
      dialog->template.capacity = 3;
      dialog->template.active = TRUE;
    }

  g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_save_clicked), dialog);
  gtk_box_append (GTK_BOX (box), build_form (dialog));
  dialog->message = _comptoir_planning_message_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->message));
  gtk_box_append (GTK_BOX (box), build_squad (dialog));
  dialog->window = _comptoir_planning_window_new (page, template != NULL ? _("Shift Template")
                                                                         : _("New Shift Template"),
                                                  560, 680, save, box);
  g_object_set_data_full (G_OBJECT (dialog->window), "template-dialog", dialog,
                          (GDestroyNotify) template_dialog_free);

  reload_squad (dialog);
  gtk_window_present (GTK_WINDOW (dialog->window));
}
