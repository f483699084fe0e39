/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-members-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-member-editor.h"
#include "comptoir-members-page-private.h"
#include "comptoir-till-dialogs.h"

/* What staff do to the member shown. Each action goes through one call
 * of the core, which refuses with a reason what it does not allow; the
 * member and the list are then read again, and the outcome said in a
 * toast. */

static const char * const member_actions[] = {
  "member.edit", "member.add-person", "member.correct", "member.leave-period",
  "member.export", "member.merge", "member.leave", "member.anonymise",
  "member.subscribe-shares", "member.pay-shares", "member.transfer-shares",
  "member.set-photo", "member.remove-photo",
};

void
_comptoir_members_page_update_actions (ComptoirMembersPage *self)
{
  gboolean shown = self->member_id[0] != '\0';
  gboolean anonymised = shown && self->record.anonymised;
  gboolean left = shown && self->record.left_on != COMPTOIR_DAY_NONE;
  GtkWidget *widget = GTK_WIDGET (self);

  for (guint i = 0; i < G_N_ELEMENTS (member_actions); i++)
    gtk_widget_action_set_enabled (widget, member_actions[i], shown && !anonymised);
  /* What the member asks to see is theirs even once anonymised. */
  gtk_widget_action_set_enabled (widget, "member.export", shown);
  gtk_widget_action_set_enabled (widget, "member.leave-period", shown && !anonymised && !left);
  gtk_widget_action_set_enabled (widget, "member.merge", shown && !anonymised && !left);
  gtk_widget_action_set_enabled (widget, "member.leave", shown && !anonymised && !left);
  /* Someone who left subscribes nothing more, but may still pay what
   * they owe or hand their shares on. */
  gtk_widget_action_set_enabled (widget, "member.subscribe-shares", shown && !anonymised && !left);
  gtk_widget_action_set_enabled (widget, "member.remove-photo", shown && !anonymised && self->record.has_photo);
}

/* After an action: the outcome said, and everything read again. */
void
_comptoir_members_page_done (ComptoirMembersPage *self,
                             GError              *error,
                             const char          *message)
{
  _comptoir_members_page_reload (self, NULL);
  if (error != NULL)
    _comptoir_members_page_show_message (self, error->message);
  else if (message != NULL)
    _comptoir_members_page_show_message (self, message);
}

static char *
member_name (ComptoirMembersPage *self)
{
  return comptoir_member_record_get_display_name (&self->record);
}

/* Confirmation dialogs ------------------------------------------------- */

static void
on_confirm_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     ComptoirMembersPage *self)
{
  ComptoirMembersConfirmFunc func =
    (ComptoirMembersConfirmFunc) g_object_get_data (G_OBJECT (dialog), "confirm-func");

  if (g_str_equal (response, "confirm") && func != NULL)
    func (self, dialog);
}

AdwMessageDialog *
_comptoir_members_page_confirm_new (ComptoirMembersPage        *self,
                                    const char                 *heading,
                                    const char                 *body,
                                    const char                 *cancel_label,
                                    const char                 *confirm_label,
                                    gboolean                    destructive,
                                    ComptoirMembersConfirmFunc  func)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body));

  adw_message_dialog_add_responses (dialog, "cancel", cancel_label, "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  /* A destructive answer is never what Enter gives by mistake. */
  adw_message_dialog_set_default_response (dialog, destructive ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "confirm-func", (gpointer) func);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  return dialog;
}

/* Confirms once the entry's own activate handling is over; libadwaita
 * 1.2 makes a button it may not have realized the default widget, so
 * activates-default does nothing (see comptoir-till-dialogs.c). */
static gboolean
confirm_later (gpointer data)
{
  AdwMessageDialog *dialog = data;

  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    {
      adw_message_dialog_response (dialog, "confirm");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  g_object_unref (dialog);
  return G_SOURCE_REMOVE;
}

static void
on_dialog_entry_activate (GtkWidget        *entry,
                          AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "confirm"))
    {
      gtk_widget_error_bell (entry);
      return;
    }
  g_idle_add (confirm_later, g_object_ref (dialog));
}

GtkWidget *
_comptoir_members_dialog_entry_new (AdwMessageDialog *dialog,
                                    const char       *label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_dialog_entry_activate), dialog);
  return entry;
}

/* Edit ------------------------------------------------------------------ */

static void
on_editor_saved (ComptoirMembersPage *self)
{
  _comptoir_members_page_done (self, NULL, _("Member saved"));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ComptoirMemberEditor *editor =
    comptoir_member_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->db, &self->record);

  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Household ------------------------------------------------------------- */

static void
on_person_form (gpointer            user_data,
                const char * const *values)
{
  ComptoirMembersPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = comptoir_member_household_add (self->db, self->member_id, values[0], values[1],
                                                       COMPTOIR_DAY_NONE, &error);
  g_autofree char *message = NULL;

  if (id != NULL)
    message = g_strdup_printf (_("%s %s now shops on this account"), values[0], values[1]);
  _comptoir_members_page_done (self, error, message);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  static const ComptoirFormField fields[] = { { N_("First name"), FALSE }, { N_("Last name"), FALSE } };
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_autofree char *name = member_name (self);
  g_autofree char *body = g_strdup_printf (_("Someone who shops on the account of %s."), name);

  comptoir_till_ask_form (widget, _("Add to the Household"), body, _("_Add"),
                          fields, G_N_ELEMENTS (fields), on_person_form, self);
}

void
_comptoir_members_page_remove_person (ComptoirMembersPage *self,
                                      const char          *person_id,
                                      const char          *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (comptoir_member_household_remove (self->db, person_id, &error))
    message = g_strdup_printf (_("%s no longer shops on this account"), name);
  _comptoir_members_page_done (self, error, message);
}

/* Counter --------------------------------------------------------------- */

/* "2", "+2", "-1", "−1" (the minus sign people copy from the page). */
static gboolean
parse_points (const char *text,
              gint64     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *digits = copy;
  gboolean negative = FALSE;
  guint64 value;

  if (g_str_has_prefix (digits, "−"))
    negative = TRUE, digits += strlen ("−");
  else if (*digits == '-')
    negative = TRUE, digits++;
  else if (*digits == '+')
    digits++;
  while (*digits == ' ')
    digits++;
  if (!g_ascii_string_to_unsigned (digits, 10, 1, 100, &value, NULL))
    return FALSE;
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

static void
on_correction_form (gpointer            user_data,
                    const char * const *values)
{
  ComptoirMembersPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 points;

  if (!parse_points (values[0], &points))
    {
      message = g_strdup_printf (_("“%s” is not a number of points: type 1 to add a shift, −1 to take one away."),
                                 values[0]);
      _comptoir_members_page_show_message (self, message);
      return;
    }
  if (comptoir_member_correct (self->db, self->member_id, comptoir_day_today (), points, values[1], NULL, &error))
    {
      g_autofree char *shown = _comptoir_members_format_points (points);

      /* Translators: %s is the points, with their sign: "+1", "−2" */
      message = g_strdup_printf (_("Correction of %s recorded"), shown);
    }
  _comptoir_members_page_done (self, error, message);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  static const ComptoirFormField fields[] = {
    { N_("Points: 1 adds a shift, −1 takes one away"), FALSE },
    { N_("Reason, kept with the correction"), FALSE },
  };
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_autofree char *name = member_name (self);
  g_autofree char *body = g_strdup_printf (_("The counter of %s changes today by the points given. "
                                             "The correction is added to the history; nothing is erased."), name);

  comptoir_till_ask_form (widget, _("Record a Correction"), body, _("_Record"),
                          fields, G_N_ELEMENTS (fields), on_correction_form, self);
}

/* Leave periods ------------------------------------------------------- */

static const ComptoirLeaveKind leave_kinds[] = {
  COMPTOIR_LEAVE_HOLIDAY, COMPTOIR_LEAVE_PARENTAL, COMPTOIR_LEAVE_MEDICAL, COMPTOIR_LEAVE_OTHER,
};

static void
on_leave_period_changed (AdwMessageDialog *dialog)
{
  GtkWidget *from = g_object_get_data (G_OBJECT (dialog), "from");
  GtkWidget *to = g_object_get_data (G_OBJECT (dialog), "to");
  ComptoirDay from_day, to_day;
  gboolean from_ok = _comptoir_members_parse_day (gtk_editable_get_text (GTK_EDITABLE (from)), &from_day) &&
                     from_day != COMPTOIR_DAY_NONE;
  gboolean to_ok = _comptoir_members_parse_day (gtk_editable_get_text (GTK_EDITABLE (to)), &to_day) &&
                   (to_day == COMPTOIR_DAY_NONE || (from_ok && to_day >= from_day));

  if (from_ok || *gtk_editable_get_text (GTK_EDITABLE (from)) == '\0')
    gtk_widget_remove_css_class (from, "error");
  else
    gtk_widget_add_css_class (from, "error");
  if (to_ok)
    gtk_widget_remove_css_class (to, "error");
  else
    gtk_widget_add_css_class (to, "error");
  adw_message_dialog_set_response_enabled (dialog, "confirm", from_ok && to_ok);
}

static void
confirm_leave_period (ComptoirMembersPage *self,
                      AdwMessageDialog    *dialog)
{
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  GtkWidget *from = g_object_get_data (G_OBJECT (dialog), "from");
  GtkWidget *to = g_object_get_data (G_OBJECT (dialog), "to");
  guint selected = gtk_drop_down_get_selected (kind);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  ComptoirDay from_day, to_day;

  if (!_comptoir_members_parse_day (gtk_editable_get_text (GTK_EDITABLE (from)), &from_day) ||
      !_comptoir_members_parse_day (gtk_editable_get_text (GTK_EDITABLE (to)), &to_day) ||
      selected >= G_N_ELEMENTS (leave_kinds))
    return;
  id = comptoir_member_start_leave (self->db, self->member_id, leave_kinds[selected], from_day, to_day, &error);
  _comptoir_members_page_done (self, error, id != NULL ? _("Leave period recorded") : NULL);
}

static void
leave_period_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_autofree char *name = member_name (self);
  g_autofree char *body = g_strdup_printf (_("No shift is owed by %s during the leave, and shifts missed then cost "
                                             "nothing. Leave the last day empty while it is not known."), name);
  g_autofree char *today = _comptoir_members_format_day (comptoir_day_today ());
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwMessageDialog *dialog = _comptoir_members_page_confirm_new (self, _("Leave Period"), body, _("_Cancel"),
                                                                 _("_Record"), FALSE, confirm_leave_period);
  GtkWidget *grid = gtk_grid_new ();
  const char *labels[] = { N_("Kind"), N_("First day"), N_("Last day") };
  GtkWidget *kind, *from, *to;

  for (guint i = 0; i < G_N_ELEMENTS (leave_kinds); i++)
    gtk_string_list_append (kinds, comptoir_leave_kind_get_label (leave_kinds[i]));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  from = _comptoir_members_dialog_entry_new (dialog, _("day/month/year"));
  to = _comptoir_members_dialog_entry_new (dialog, _("empty: not known yet"));
  gtk_editable_set_text (GTK_EDITABLE (from), today);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  /* The fields keep their names once filled in, which placeholders do not. */
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *label = gtk_label_new (_(labels[i]));
      GtkWidget *field = i == 0 ? kind : i == 1 ? from : to;

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), field, 1, (int) i, 1, 1);
    }
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  g_object_set_data (G_OBJECT (dialog), "from", from);
  g_object_set_data (G_OBJECT (dialog), "to", to);
  g_signal_connect_swapped (from, "changed", G_CALLBACK (on_leave_period_changed), dialog);
  g_signal_connect_swapped (to, "changed", G_CALLBACK (on_leave_period_changed), dialog);
  adw_message_dialog_set_extra_child (dialog, grid);
  on_leave_period_changed (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (to);
}

void
_comptoir_members_page_end_leave (ComptoirMembersPage *self,
                                  const char          *leave_id)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = comptoir_member_end_leave (self->db, leave_id, comptoir_day_today (), &error);

  _comptoir_members_page_done (self, error, ok ? _("The leave ends today") : NULL);
}

/* Export ---------------------------------------------------------------- */

static void
on_export_response (GtkNativeDialog     *chooser,
                    int                  response,
                    ComptoirMembersPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *message = NULL;
  const char *member_id = g_object_get_data (G_OBJECT (chooser), "member-id");

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  /* One member's data is a few kilobytes: no worker needed. */
  json = comptoir_member_export_json (self->db, member_id, &error);
  if (json != NULL &&
      g_file_replace_contents (file, json, strlen (json), NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      message = g_strdup_printf (_("The member’s data is saved in %s"), name);
    }
  _comptoir_members_page_show_message (self, message != NULL ? message : error->message);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export the Member’s Data"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file a member's data is saved in; %lld is their number */
  g_autofree char *file_name = g_strdup_printf (_("member-%lld.json"), (long long) self->record.number);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data_full (G_OBJECT (chooser), "member-id", g_strdup (self->member_id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Merge ----------------------------------------------------------------- */

static void
confirm_merge (ComptoirMembersPage *self,
               AdwMessageDialog    *dialog)
{
  const char *surviving = g_object_get_data (G_OBJECT (dialog), "surviving-id");
  gint64 number = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "surviving-number"));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (comptoir_member_merge_accounts (self->db, self->member_id, surviving, comptoir_day_today (), NULL, &error))
    {
      message = g_strdup_printf (_("Merged into the account no. %lld"), (long long) number);
      /* The account that goes on is the one to look at now. */
      _comptoir_members_page_reload (self, surviving);
      _comptoir_members_page_show_message (self, message);
      return;
    }
  _comptoir_members_page_done (self, error, NULL);
}

static void
on_merge_form (gpointer            user_data,
               const char * const *values)
{
  ComptoirMembersPage *self = user_data;
  g_auto (ComptoirMemberAtTill) other = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *name = member_name (self);
  g_autofree char *body = NULL;
  g_autofree char *message = NULL;
  AdwMessageDialog *dialog;
  guint64 number;

  if (!g_ascii_string_to_unsigned (values[0], 10, 1, G_MAXINT, &number, NULL))
    {
      message = g_strdup_printf (_("“%s” is not a member number: type the digits of the account to keep."), values[0]);
      _comptoir_members_page_show_message (self, message);
      return;
    }
  if (!comptoir_member_lookup_number (self->db, (gint64) number, &other, &error))
    {
      _comptoir_members_page_show_message (self, error->message);
      return;
    }
  if (g_str_equal (other.id, self->member_id))
    {
      _comptoir_members_page_show_message (self, _("An account cannot be merged into itself: type the number of the other account."));
      return;
    }
  body = g_strdup_printf (_("The counter, shares, household and notes of %s (no. %lld) move to %s (no. %lld), "
                            "and no. %lld leaves the cooperative today. This cannot be undone."),
                          name, (long long) self->record.number, other.name, (long long) other.number,
                          (long long) self->record.number);
  dialog = _comptoir_members_page_confirm_new (self, _("Merge the Accounts?"), body, _("_Cancel"), _("_Merge"),
                                               TRUE, confirm_merge);
  g_object_set_data_full (G_OBJECT (dialog), "surviving-id", g_strdup (other.id), g_free);
  g_object_set_data (G_OBJECT (dialog), "surviving-number", GINT_TO_POINTER ((gint) other.number));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const ComptoirFormField fields[] = { { N_("Number of the account to keep"), FALSE } };
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_autofree char *name = member_name (self);
  g_autofree char *body = g_strdup_printf (_("Two accounts of one person: %s (no. %lld) joins the account you give, "
                                             "which is kept."), name, (long long) self->record.number);

  comptoir_till_ask_form (widget, _("Merge into Another Account"), body, _("_Next"),
                          fields, G_N_ELEMENTS (fields), on_merge_form, self);
}

/* Leaving --------------------------------------------------------------- */

static void
confirm_leave (ComptoirMembersPage *self,
               AdwMessageDialog    *dialog)
{
  GtkWidget *refund = g_object_get_data (G_OBJECT (dialog), "refund");
  gboolean refund_shares = refund != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (refund));
  g_autoptr (GError) error = NULL;
  gboolean ok = comptoir_member_leave (self->db, self->member_id, comptoir_day_today (), refund_shares, &error);

  _comptoir_members_page_done (self, error, ok ? _("The member left the cooperative") : NULL);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_auto (ComptoirShares) shares = { 0 };
  g_autofree char *name = member_name (self);
  g_autofree char *body = g_strdup_printf (_("%s leaves today: they may no longer shop, leave their squad, and "
                                             "their coming shifts are given back without penalty. Their history "
                                             "is kept."), name);
  AdwMessageDialog *dialog = _comptoir_members_page_confirm_new (self, _("Leave the Cooperative?"), body,
                                                                 _("_Cancel"), _("_Leave"), TRUE, confirm_leave);

  if (comptoir_member_shares_load (self->db, self->member_id, &shares, NULL) && shares.n_shares > 0)
    {
      g_autofree char *capital = comptoir_money_format_local (shares.capital);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refund their %lld share (%s €)",
                                                             "Refund their %lld shares (%s €)",
                                                             (gulong) shares.n_shares),
                                                (long long) shares.n_shares, capital);
      GtkWidget *refund = gtk_check_button_new_with_label (label);

      adw_message_dialog_set_extra_child (dialog, refund);
      g_object_set_data (G_OBJECT (dialog), "refund", refund);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Anonymising ----------------------------------------------------------- */

static void
on_anonymise_typed (GtkEditable      *entry,
                    AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "confirm",
                                           g_str_equal (text, g_object_get_data (G_OBJECT (dialog), "number")));
}

static void
confirm_anonymise (ComptoirMembersPage *self,
                   AdwMessageDialog    *dialog)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = comptoir_member_anonymise (self->db, self->member_id, NULL, &error);

  _comptoir_members_page_done (self, error, ok ? _("The member’s personal data is erased") : NULL);
}

/* Irreversible, so the number must be typed: a click on the wrong
 * member's menu cannot erase anyone. */
static void
anonymise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_autofree char *name = member_name (self);
  g_autofree char *body = g_strdup_printf (_("This cannot be undone. The name, contact details, birth date, address, "
                                             "notes, photo, card and household of %s are erased for good; the "
                                             "number, counter, shares and tickets stay. A member who has not left "
                                             "leaves today.\n\nType the member number, %lld, to confirm."),
                                           name, (long long) self->record.number);
  AdwMessageDialog *dialog = _comptoir_members_page_confirm_new (self, _("Anonymise the Member?"), body,
                                                                 _("_Cancel"), _("_Anonymise"), TRUE,
                                                                 confirm_anonymise);
  GtkWidget *entry = _comptoir_members_dialog_entry_new (dialog, _("Member number"));

  g_object_set_data_full (G_OBJECT (dialog), "number", g_strdup_printf ("%lld", (long long) self->record.number), g_free);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  g_signal_connect (entry, "changed", G_CALLBACK (on_anonymise_typed), dialog);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Shifts ---------------------------------------------------------------- */

static void
cancel_shift (ComptoirMembersPage *self,
              const char          *slot_id)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean late = FALSE;

  if (comptoir_shift_cancel (self->db, slot_id, self->member_id, NULL, now, &late, &error))
    message = g_strdup (late ? _("Shift cancelled late: it cost points, see the counter")
                             : _("Shift cancelled, without penalty"));
  _comptoir_members_page_done (self, error, message);
}

static void
confirm_late_cancel (ComptoirMembersPage *self,
                     AdwMessageDialog    *dialog)
{
  cancel_shift (self, g_object_get_data (G_OBJECT (dialog), "slot-id"));
}

/* The core decides whether a cancellation is late when it records it;
 * the same rules, read here first, let the person think twice. */
void
_comptoir_members_page_cancel_shift (ComptoirMembersPage *self,
                                     const char          *slot_id)
{
  g_auto (ComptoirShiftSlot) slot = { 0 };
  ComptoirShiftRules shift_rules;
  ComptoirStatusRules status_rules;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) start = NULL;
  g_autofree char *body = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *points = NULL;
  AdwMessageDialog *dialog;
  GDate date;

  if (!comptoir_shift_get_slot (self->db, slot_id, &slot, &error) ||
      !comptoir_shift_rules_load (self->db, &shift_rules, &error) ||
      !comptoir_settings_load_status_rules (self->db, &status_rules, &error))
    {
      _comptoir_members_page_done (self, error, NULL);
      return;
    }
  g_date_clear (&date, 1);
  g_date_set_julian (&date, slot.day);
  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                                 (int) (slot.start_minute / 60), (int) (slot.start_minute % 60), 0);
  if (status_rules.late_cancel_points == 0 || start == NULL ||
      g_date_time_difference (start, now) >= (GTimeSpan) shift_rules.cancel_notice_hours * G_TIME_SPAN_HOUR)
    {
      cancel_shift (self, slot_id);
      return;
    }

  hours = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", shift_rules.cancel_notice_hours),
                           shift_rules.cancel_notice_hours);
  points = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d point", "%d points",
                                         (gulong) ABS (status_rules.late_cancel_points)),
                            ABS (status_rules.late_cancel_points));
  /* Translators: "The shift starts in less than 48 hours: … costs the member 1 point." */
  body = g_strdup_printf (_("The shift starts in less than %s: cancelling it now is late and costs the member %s "
                            "on their counter."), hours, points);
  dialog = _comptoir_members_page_confirm_new (self, _("Cancel Late?"), body, _("_Keep the Shift"),
                                               _("_Cancel the Shift"), TRUE, confirm_late_cancel);
  g_object_set_data_full (G_OBJECT (dialog), "slot-id", g_strdup (slot_id), g_free);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_comptoir_members_page_offer_shift (ComptoirMembersPage *self,
                                    const char          *slot_id)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GError) error = NULL;
  g_autofree char *offer_id = comptoir_shift_offer (self->db, slot_id, self->member_id, now, &error);

  _comptoir_members_page_done (self, error,
                               offer_id != NULL
                               ? _("On the exchange board: the member keeps the shift until someone takes it")
                               : NULL);
}

void
_comptoir_members_page_withdraw_offer (ComptoirMembersPage *self,
                                       const char          *offer_id)
{
  g_autoptr (GError) error = NULL;
  gboolean ok = comptoir_shift_withdraw_offer (self->db, offer_id, &error);

  _comptoir_members_page_done (self, error, ok ? _("The shift is off the exchange board") : NULL);
}

void
_comptoir_members_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "member.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "member.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "member.correct", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "member.leave-period", NULL, leave_period_action);
  gtk_widget_class_install_action (widget_class, "member.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "member.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "member.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "member.anonymise", NULL, anonymise_action);
}
