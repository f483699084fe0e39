/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-members-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-members-page-private.h"
#include "comptoir-till-dialogs.h"

/* The member's share capital (subscribing, paying, handing shares on
 * to another member) and their photo. As with the other actions, each
 * goes through one call of the core, which refuses with a reason what
 * it does not allow; the page is then read again and the outcome said
 * in its toast. */

static char *
member_name (ComptoirMembersPage *self)
{
  return comptoir_member_record_get_display_name (&self->record);
}

/* A whole number of shares as people type it; the core says how many
 * are allowed at once. */
static gboolean
parse_shares (ComptoirMembersPage *self,
              const char          *text,
              guint               *out)
{
  guint64 value;

  if (g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    {
      *out = (guint) value;
      return TRUE;
    }
  {
    g_autofree char *message = g_strdup_printf (_("“%s” is not a number of shares: type a whole number, such as 2."),
                                                text);

    _comptoir_members_page_show_message (self, message);
  }
  return FALSE;
}

/* Subscribing ----------------------------------------------------------- */

static void
on_subscribe_form (gpointer            user_data,
                   const char * const *values)
{
  ComptoirMembersPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (!parse_shares (self, values[0], &n))
    return;
  if (comptoir_member_shares_subscribe (self->db, self->member_id, n, comptoir_day_today (), &error))
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u share subscribed: it is owed until paid",
                                            "%u shares subscribed: they are owed until paid", n), n);
  _comptoir_members_page_done (self, error, message);
}

static void
subscribe_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  static const ComptoirFormField fields[] = { { N_("Number of shares"), FALSE } };
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_autofree char *name = member_name (self);
  g_autofree char *value =
    comptoir_money_format_local (comptoir_settings_get_int (self->db, COMPTOIR_SETTING_SHARE_VALUE));
  /* Translators: %s is a member's name, then the value of one share in euros */
  g_autofree char *body = g_strdup_printf (_("%s subscribes more shares today, at %s € each. They are owed "
                                             "until they are paid."), name, value);

  comptoir_till_ask_form (widget, _("Subscribe Shares"), body, _("_Subscribe"),
                          fields, G_N_ELEMENTS (fields), on_subscribe_form, self);
}

/* Payments -------------------------------------------------------------- */

/* "10", "10,50", "-10" (money paid back), with or without "€". */
static gboolean
read_amount (GtkWidget *entry,
             gint64    *out)
{
  return comptoir_money_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), out) && *out != 0;
}

static void
on_amount_changed (GtkWidget        *entry,
                   AdwMessageDialog *dialog)
{
  gint64 amount;
  gboolean ok = read_amount (entry, &amount);
  GtkDropDown *method = g_object_get_data (G_OBJECT (dialog), "method");

  if (ok || *gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    gtk_widget_remove_css_class (entry, "error");
  else
    gtk_widget_add_css_class (entry, "error");
  adw_message_dialog_set_response_enabled (dialog, "confirm",
                                           ok && gtk_drop_down_get_selected (method) != GTK_INVALID_LIST_POSITION);
}

static void
confirm_payment (ComptoirMembersPage *self,
                 AdwMessageDialog    *dialog)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "amount");
  GtkDropDown *method = g_object_get_data (G_OBJECT (dialog), "method");
  char **methods = g_object_get_data (G_OBJECT (dialog), "methods");
  guint selected = gtk_drop_down_get_selected (method);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 amount;

  if (!read_amount (entry, &amount) || selected >= g_strv_length (methods))
    return;
  if (comptoir_member_shares_pay (self->db, self->member_id, amount, methods[selected], comptoir_day_today (),
                                  &error))
    {
      g_autofree char *shown = comptoir_money_format_local (ABS (amount));

      message = amount > 0 ? g_strdup_printf (_("Payment of %s € recorded"), shown)
                           : g_strdup_printf (_("Refund of %s € recorded"), shown);
    }
  _comptoir_members_page_done (self, error, message);
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_auto (ComptoirShares) shares = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *name = member_name (self);
  g_autofree char *body = NULL;
  g_autofree char *owed_text = NULL;
  char **methods;
  AdwMessageDialog *dialog;
  GtkWidget *grid, *amount, *method;
  gint64 owed;

  if (!comptoir_member_shares_load (self->db, self->member_id, &shares, &error))
    {
      _comptoir_members_page_show_message (self, error->message);
      return;
    }
  owed = shares.capital - shares.paid;
  owed_text = comptoir_money_format_local (MAX (owed, 0));
  if (owed > 0)
    /* Translators: a member's name, then an amount in euros */
    body = g_strdup_printf (_("%s still owes %s € for their shares. The payment is recorded today."), name,
                            owed_text);
  else
    body = g_strdup_printf (_("Nothing is owed for the shares of %s. Money paid back to them is recorded "
                              "as a negative amount."), name);
  dialog = _comptoir_members_page_confirm_new (self, _("Record a Payment"), body, _("_Cancel"), _("_Record"),
                                               FALSE, confirm_payment);

  methods = comptoir_settings_dup_payment_methods (self->db);
  g_object_set_data_full (G_OBJECT (dialog), "methods", methods, (GDestroyNotify) g_strfreev);
  for (guint i = 0; methods[i] != NULL; i++)
    gtk_string_list_append (labels, comptoir_payment_method_get_label (methods[i]));
  method = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  amount = _comptoir_members_dialog_entry_new (dialog, _("Amount in euros"));
  gtk_entry_set_input_purpose (GTK_ENTRY (amount), GTK_INPUT_PURPOSE_NUMBER);
  /* What is owed is what is usually paid. */
  if (owed > 0)
    gtk_editable_set_text (GTK_EDITABLE (amount), owed_text);
  gtk_widget_set_hexpand (amount, TRUE);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  /* The fields keep their names once filled in, which placeholders do not. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *label = gtk_label_new (i == 0 ? _("Amount (€)") : _("Paid by"));
      GtkWidget *field = i == 0 ? amount : method;

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), field, 1, (int) i, 1, 1);
    }
  g_object_set_data (G_OBJECT (dialog), "amount", amount);
  g_object_set_data (G_OBJECT (dialog), "method", method);
  g_signal_connect (amount, "changed", G_CALLBACK (on_amount_changed), dialog);
  adw_message_dialog_set_extra_child (dialog, grid);
  on_amount_changed (amount, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (amount);
}

/* Transfers ------------------------------------------------------------- */

static void
on_transfer_form (gpointer            user_data,
                  const char * const *values)
{
  ComptoirMembersPage *self = user_data;
  g_auto (ComptoirMemberRecord) other = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  char other_id[COMPTOIR_ID_LEN + 1];
  guint n;

  if (!parse_shares (self, values[0], &n))
    return;
  /* A number, a card or words of the name: the one member meant, or the
   * core's reason (nobody, or several people match). */
  if (!comptoir_member_find_one (self->db, values[1], other_id, &error) ||
      !comptoir_member_record_load (self->db, other_id, &other, &error))
    {
      _comptoir_members_page_show_message (self, error->message);
      return;
    }
  if (comptoir_member_shares_transfer (self->db, self->member_id, other_id, n, comptoir_day_today (), &error))
    {
      g_autofree char *name = comptoir_member_record_get_display_name (&other);

      /* Translators: shares given to another member: the number, their name and their member number */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u share transferred to %s (no. %lld)",
                                              "%u shares transferred to %s (no. %lld)", n),
                                 n, name, (long long) other.number);
    }
  _comptoir_members_page_done (self, error, message);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  static const ComptoirFormField fields[] = {
    { N_("Number of shares"), FALSE },
    { N_("Receiving member: number, name or card"), FALSE },
  };
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_auto (ComptoirShares) shares = { 0 };
  g_autofree char *name = member_name (self);
  g_autofree char *body = NULL;

  comptoir_member_shares_load (self->db, self->member_id, &shares, NULL);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s holds %lld share. The shares given go to the other member today, "
                                       "with what was paid for them; nothing is paid back.",
                                       "%s holds %lld shares. The shares given go to the other member today, "
                                       "with what was paid for them; nothing is paid back.",
                                       (gulong) shares.n_shares),
                          name, (long long) shares.n_shares);
  comptoir_till_ask_form (widget, _("Transfer Shares"), body, _("_Transfer"),
                          fields, G_N_ELEMENTS (fields), on_transfer_form, self);
}

/* Photo ------------------------------------------------------------------ */

void
_comptoir_members_page_fill_photo (ComptoirMembersPage *self)
{
  g_autofree char *name = member_name (self);
  g_autofree char *label = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  adw_avatar_set_text (self->avatar, name);
  if (self->record.has_photo)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = comptoir_member_get_photo (self->db, self->member_id, &error);

      if (bytes != NULL)
        texture = gdk_texture_new_from_bytes (bytes, &error);
      /* The core took a JPEG or PNG that turns out broken: the initials
       * say as much as a broken picture would. */
      if (texture == NULL)
        g_debug ("Photo of member %s not shown: %s", self->member_id, error->message);
    }
  adw_avatar_set_custom_image (self->avatar, texture != NULL ? GDK_PAINTABLE (texture) : NULL);
  label = texture != NULL ? g_strdup_printf (_("Photo of %s"), name) : g_strdup_printf (_("No photo of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->avatar), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

typedef struct {
  ComptoirMembersPage *page;
  char                 member_id[COMPTOIR_ID_LEN + 1];
} PhotoJob;

/* The picture goes to the member it was chosen for, even when another
 * is shown by the time the file is read. */
static void
on_photo_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PhotoJob *job = user_data;
  g_autoptr (ComptoirMembersPage) self = job->page;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  gboolean ok = FALSE;

  /* The page went away meanwhile. */
  if (self->db != NULL)
    {
      if (bytes != NULL)
        ok = comptoir_member_set_photo (self->db, job->member_id, bytes, &error);
      _comptoir_members_page_done (self, error, ok ? _("Photo saved") : NULL);
    }
  g_free (job);
}

void
comptoir_members_page_set_photo_file (ComptoirMembersPage *self,
                                      GFile               *file)
{
  PhotoJob *job;

  g_return_if_fail (COMPTOIR_IS_MEMBERS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->member_id[0] != '\0');

  job = g_new0 (PhotoJob, 1);
  job->page = g_object_ref (self);
  g_strlcpy (job->member_id, self->member_id, sizeof job->member_id);
  g_file_load_bytes_async (file, NULL, on_photo_read, job);
}

static void
on_photo_chosen (GtkNativeDialog     *chooser,
                 int                  response,
                 ComptoirMembersPage *self)
{
  const char *member_id = g_object_get_data (G_OBJECT (chooser), "member-id");

  if (response == GTK_RESPONSE_ACCEPT && g_strcmp0 (member_id, self->member_id) == 0)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        comptoir_members_page_set_photo_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
set_photo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) pictures = gtk_file_filter_new ();
  g_autofree char *name = member_name (self);
  g_autofree char *title = g_strdup_printf (_("Photo of %s"), name);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Set Photo"), _("_Cancel"));
  gtk_file_filter_set_name (pictures, _("Pictures (JPEG or PNG)"));
  gtk_file_filter_add_mime_type (pictures, "image/jpeg");
  gtk_file_filter_add_mime_type (pictures, "image/png");
  gtk_file_filter_add_suffix (pictures, "jpg");
  gtk_file_filter_add_suffix (pictures, "jpeg");
  gtk_file_filter_add_suffix (pictures, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pictures);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "member-id", g_strdup (self->member_id), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_photo_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  g_autoptr (GError) error = NULL;
  gboolean ok = comptoir_member_set_photo (self->db, self->member_id, NULL, &error);

  _comptoir_members_page_done (self, error, ok ? _("Photo removed") : NULL);
}

void
_comptoir_members_page_class_add_shares_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "member.subscribe-shares", NULL, subscribe_action);
  gtk_widget_class_install_action (widget_class, "member.pay-shares", NULL, pay_action);
  gtk_widget_class_install_action (widget_class, "member.transfer-shares", NULL, transfer_action);
  gtk_widget_class_install_action (widget_class, "member.set-photo", NULL, set_photo_action);
  gtk_widget_class_install_action (widget_class, "member.remove-photo", NULL, remove_photo_action);
}
