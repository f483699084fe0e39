/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-member-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "comptoir-editor-discard.h"
#include "comptoir-member-editor.h"
#include "comptoir-members-page-private.h"

static const ComptoirParticipation participations[] = {
  COMPTOIR_PARTICIPATION_STANDARD,
  COMPTOIR_PARTICIPATION_FLYING,
  COMPTOIR_PARTICIPATION_EXEMPT,
};

struct _ComptoirMemberEditor
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *title;
  GtkButton            *save_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwEntryRow          *first_name_row;
  AdwEntryRow          *last_name_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *address_row;
  AdwPreferencesGroup  *membership_group;
  AdwEntryRow          *number_row;
  AdwEntryRow          *join_row;
  AdwEntryRow          *birth_row;
  AdwComboRow          *participation_row;
  GtkWidget            *shares_row;
  GtkSpinButton        *shares_spin;
  GtkTextView          *notes_view;

  ComptoirDb           *db;
  ComptoirMemberRecord  record;         /* as loaded: what the form does not change */
  char                 *address_shown;  /* the address on one line, as the row shows it */
  gboolean              loading;
  gboolean              dirty;
  gboolean              creating;       /* a member who joins: record.id is empty until then */
};

G_DEFINE_FINAL_TYPE (ComptoirMemberEditor, comptoir_member_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (ComptoirMemberEditor *self,
            GtkWidget            *row,
            const char           *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "field-error");
      gtk_widget_grab_focus (row);
    }
}

static void
mark_dirty (ComptoirMemberEditor *self)
{
  if (!self->loading)
    self->dirty = TRUE;
}

static void
on_field_changed (ComptoirMemberEditor *self,
                  GtkWidget            *row)
{
  mark_dirty (self);
  gtk_widget_remove_css_class (row, "field-error");
}

static void
on_participation_changed (ComptoirMemberEditor *self)
{
  mark_dirty (self);
  gtk_widget_remove_css_class (GTK_WIDGET (self->participation_row), "field-error");
}

static char *
text_or_null (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
notes_text (ComptoirMemberEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static gboolean
read_day (ComptoirMemberEditor *self,
          AdwEntryRow          *row,
          ComptoirDay          *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *message = NULL;

  if (_comptoir_members_parse_day (text, out))
    return TRUE;
  message = g_strdup_printf (_("“%s” is not a date: type the day, the month and the year, such as 23/11/1980."),
                             text);
  show_error (self, GTK_WIDGET (row), message);
  return FALSE;
}

/* The core gives the next free number when none is typed, makes the
 * card and subscribes the shares, all in one transaction: a refusal
 * leaves nothing behind, and the form stays open to put it right. */
static void
create_member (ComptoirMemberEditor *self,
               ComptoirMemberRecord *record)
{
  g_autofree char *number_text = text_or_null (self->number_row);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  guint64 number = 0;

  if (number_text != NULL && !g_ascii_string_to_unsigned (number_text, 10, 1, G_MAXINT, &number, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a member number: type digits, such as 120, or leave it empty to take "
                           "the next free one."), number_text);

      show_error (self, GTK_WIDGET (self->number_row), message);
      return;
    }
  gtk_spin_button_update (self->shares_spin);
  record->number = (gint64) number;
  id = comptoir_member_join (self->db, record, (guint) gtk_spin_button_get_value_as_int (self->shares_spin), &error);
  if (id == NULL)
    {
      /* The core asks for both names without saying which one is missing. */
      GtkWidget *row = record->first_name == NULL ? GTK_WIDGET (self->first_name_row)
                       : record->last_name == NULL ? GTK_WIDGET (self->last_name_row)
                       : NULL;

      show_error (self, row, error->message);
      return;
    }
  g_strlcpy (self->record.id, id, sizeof self->record.id);
  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ComptoirMemberEditor *self = COMPTOIR_MEMBER_EDITOR (widget);
  g_autofree char *first_name = text_or_null (self->first_name_row);
  g_autofree char *last_name = text_or_null (self->last_name_row);
  g_autofree char *email = text_or_null (self->email_row);
  g_autofree char *phone = text_or_null (self->phone_row);
  g_autofree char *address = text_or_null (self->address_row);
  g_autofree char *notes = notes_text (self);
  g_autoptr (GError) error = NULL;
  ComptoirMemberRecord record = self->record;
  guint selected = adw_combo_row_get_selected (self->participation_row);
  ComptoirParticipation participation = selected < G_N_ELEMENTS (participations)
                                        ? participations[selected] : self->record.participation;
  ComptoirDay join_date, birth_date;

  if (!read_day (self, self->join_row, &join_date) || !read_day (self, self->birth_row, &birth_date))
    return;

  /* The row shows a many-line address on one line: unchanged, it is
   * saved as it was written. */
  if (g_strcmp0 (address, self->address_shown) == 0)
    {
      g_free (address);
      address = g_strdup (self->record.address);
    }

  record.first_name = first_name;
  record.last_name = last_name;
  record.email = email;
  record.phone = phone;
  record.address = address;
  record.notes = notes;
  record.join_date = join_date;
  record.birth_date = birth_date;
  if (self->creating)
    {
      create_member (self, &record);
      return;
    }
  if (!comptoir_member_record_save (self->db, &record, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  if (participation != self->record.participation &&
      !comptoir_member_set_participation (self->db, self->record.id, participation, comptoir_day_today (), &error))
    {
      /* The rest is stored: only the participation is left to put right. */
      self->dirty = FALSE;
      g_signal_emit (self, signals[SAVED], 0);
      show_error (self, GTK_WIDGET (self->participation_row), error->message);
      return;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Enter in any field saves, as in the product editor. */
static void
on_entry_activated (ComptoirMemberEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
discard_and_close (GtkWindow *window)
{
  ComptoirMemberEditor *self = COMPTOIR_MEMBER_EDITOR (window);

  self->dirty = FALSE;
  gtk_window_close (window);
}

/* Closing with unsaved edits asks first, as the product editor does. */
static gboolean
comptoir_member_editor_close_request (GtkWindow *window)
{
  ComptoirMemberEditor *self = COMPTOIR_MEMBER_EDITOR (window);

  if (!self->dirty)
    return GTK_WINDOW_CLASS (comptoir_member_editor_parent_class)->close_request (window);

  comptoir_editor_ask_discard (window, self->creating ? _("This member is not added yet.")
                                                      : _("The changes to this member are not saved."),
                               discard_and_close);
  return TRUE;
}

static void
comptoir_member_editor_dispose (GObject *object)
{
  ComptoirMemberEditor *self = COMPTOIR_MEMBER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_MEMBER_EDITOR);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (comptoir_member_editor_parent_class)->dispose (object);
}

static void
comptoir_member_editor_finalize (GObject *object)
{
  ComptoirMemberEditor *self = COMPTOIR_MEMBER_EDITOR (object);

  comptoir_member_record_clear (&self->record);
  g_free (self->address_shown);

  G_OBJECT_CLASS (comptoir_member_editor_parent_class)->finalize (object);
}

static void
comptoir_member_editor_class_init (ComptoirMemberEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_member_editor_dispose;
  object_class->finalize = comptoir_member_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = comptoir_member_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-member-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, membership_group);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, join_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, birth_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, participation_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, shares_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, shares_spin);
  gtk_widget_class_bind_template_child (widget_class, ComptoirMemberEditor, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_participation_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comptoir_member_editor_init (ComptoirMemberEditor *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (participations); i++)
    gtk_string_list_append (labels, comptoir_participation_get_label (participations[i]));
  self->loading = TRUE;
  adw_combo_row_set_model (self->participation_row, G_LIST_MODEL (labels));
  self->loading = FALSE;
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (mark_dirty), self, G_CONNECT_SWAPPED);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_row_day (AdwEntryRow *row,
             ComptoirDay  day)
{
  g_autofree char *text = _comptoir_members_format_day (day);

  set_row_text (row, text);
}

ComptoirMemberEditor *
comptoir_member_editor_new (GtkWindow                  *parent,
                            ComptoirDb                 *db,
                            const ComptoirMemberRecord *record)
{
  ComptoirMemberEditor *self;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  self = g_object_new (COMPTOIR_TYPE_MEMBER_EDITOR, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->record = *record;
  self->record.first_name = g_strdup (record->first_name);
  self->record.last_name = g_strdup (record->last_name);
  self->record.email = g_strdup (record->email);
  self->record.phone = g_strdup (record->phone);
  self->record.address = g_strdup (record->address);
  self->record.notes = g_strdup (record->notes);
  self->record.card_barcode = g_strdup (record->card_barcode);
  if (record->address != NULL)
    {
      g_auto (GStrv) lines = g_strsplit (record->address, "\n", -1);

      self->address_shown = g_strjoinv (", ", lines);
    }

  self->loading = TRUE;
  name = comptoir_member_record_get_display_name (record);
  subtitle = g_strdup_printf (_("No. %lld"), (long long) record->number);
  adw_window_title_set_title (self->title, name);
  adw_window_title_set_subtitle (self->title, subtitle);
  set_row_text (self->first_name_row, record->first_name);
  set_row_text (self->last_name_row, record->last_name);
  set_row_text (self->email_row, record->email);
  set_row_text (self->phone_row, record->phone);
  set_row_text (self->address_row, self->address_shown);
  set_row_day (self->join_row, record->join_date);
  set_row_day (self->birth_row, record->birth_date);
  for (guint i = 0; i < G_N_ELEMENTS (participations); i++)
    if (participations[i] == record->participation)
      adw_combo_row_set_selected (self->participation_row, i);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), record->notes != NULL ? record->notes : "", -1);
  self->loading = FALSE;
  self->dirty = FALSE;
  return self;
}

ComptoirMemberEditor *
comptoir_member_editor_new_member (GtkWindow  *parent,
                                   ComptoirDb *db)
{
  ComptoirMemberRecord record = { 0 };
  ComptoirMemberEditor *self;
  g_autofree char *value = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (COMPTOIR_IS_DB (db), NULL);

  /* Most people join on the day they come to the office. */
  record.join_date = comptoir_day_today ();
  record.participation = COMPTOIR_PARTICIPATION_STANDARD;
  self = comptoir_member_editor_new (parent, db, &record);
  self->creating = TRUE;
  self->loading = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("New Member"));
  adw_window_title_set_title (self->title, _("New Member"));
  adw_window_title_set_subtitle (self->title, _("Joins the cooperative"));
  gtk_button_set_label (self->save_button, _("_Add"));
  gtk_widget_set_visible (GTK_WIDGET (self->number_row), TRUE);
  gtk_widget_set_visible (self->shares_row, TRUE);
  /* Members join as standard members; the Edit button changes that
   * from the day it is changed. */
  gtk_widget_set_visible (GTK_WIDGET (self->participation_row), FALSE);
  value = comptoir_money_format_local (comptoir_settings_get_int (db, COMPTOIR_SETTING_SHARE_VALUE));
  /* Translators: %s is the value of one share, in euros */
  description = g_strdup_printf (_("The card is made from the number. The shares are subscribed on the join day "
                                   "at %s € each, and are owed until they are paid."), value);
  adw_preferences_group_set_description (self->membership_group, description);
  self->loading = FALSE;
  self->dirty = FALSE;
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->first_name_row));
  return self;
}

const char *
comptoir_member_editor_get_member_id (ComptoirMemberEditor *self)
{
  g_return_val_if_fail (COMPTOIR_IS_MEMBER_EDITOR (self), NULL);

  return self->record.id;
}
