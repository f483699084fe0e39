/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-members-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-members-page-private.h"

/* Importing members from a CSV file, as the products page imports a
 * supplier's file: a trial run first, whose report says what the file
 * would do; nothing is written until the person says Import, and a
 * file with rejected lines cannot be imported at all (the core's import
 * is all or nothing, and the report says which lines to fix).
 *
 * The product import dialog is not shared: the products page offers no
 * Import button at all for a file with lines to fix, runs the
 * catalogue's own worker and has its own toasts, so a shared dialog
 * would be little more than its parameters. */

/* The import runs in a worker on a connection of its own, as the
 * product import does: a cooperative's file holds thousands of members
 * and the window must stay responsive meanwhile. */
typedef struct {
  GFile    *file;
  char     *db_path;
  gboolean  dry_run;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_object_unref (job->file);
  g_free (job->db_path);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (ComptoirDb) db = NULL;
  ComptoirImportReport *report;

  bytes = g_file_load_bytes (job->file, cancellable, NULL, &error);
  if (bytes != NULL)
    db = comptoir_db_open (job->db_path, COMPTOIR_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  report = comptoir_member_import (db, bytes, job->dry_run, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) comptoir_import_report_free);
}

static void start_import (ComptoirMembersPage *self,
                          gboolean             dry_run);

static void
on_import_response (ComptoirMembersPage *self,
                    const char          *response)
{
  if (g_strcmp0 (response, "import") == 0 && self->import_file != NULL)
    start_import (self, FALSE);
  else
    g_clear_object (&self->import_file);
}

static AdwMessageDialog *
import_dialog_new (ComptoirMembersPage *self,
                   const char          *heading,
                   const char          *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, G_CONNECT_SWAPPED);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* The report is a list of lines to read one by one: left-aligned, not
 * centred as a dialog's body is, and scrolled when a file has many
 * lines to fix. */
static void
add_report (AdwMessageDialog     *dialog,
            ComptoirImportReport *report)
{
  g_autofree char *details = comptoir_import_report_format_details (report);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (g_strchomp (details));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* As wide as a line of the report usually is: at the dialog's own
   * width, every rejected line would wrap onto three. */
  gtk_label_set_width_chars (GTK_LABEL (label), 56);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "member-import-report");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import report"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (dialog, scrolled);
}

/* What the file would do, with Import and Cancel; Import stays there
 * but disabled while lines must be fixed, so that the person sees that
 * the file as it is cannot be imported, and why. */
static void
show_report (ComptoirMembersPage  *self,
             ComptoirImportReport *report)
{
  g_autofree char *name = g_file_get_basename (self->import_file);
  g_autofree char *heading = NULL;
  gboolean rejected = comptoir_import_report_get_n_rejected (report) > 0;
  AdwMessageDialog *dialog;

  if (rejected)
    {
      heading = g_strdup_printf (_("“%s” has lines to fix"), name);
      dialog = import_dialog_new (self, heading, _("Nothing was imported. Fix these lines in the file, save it as "
                                                   "CSV and import it again."));
    }
  else if (comptoir_import_report_get_n_created (report) + comptoir_import_report_get_n_updated (report) == 0)
    {
      heading = g_strdup_printf (_("“%s” changes nothing"), name);
      dialog = import_dialog_new (self, heading, _("The members in this file are already as it says."));
      add_report (dialog, report);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  else
    {
      heading = g_strdup_printf (_("Import “%s”?"), name);
      dialog = import_dialog_new (self, heading, _("This is what the import would do. Nothing is written "
                                                   "before you press Import."));
    }

  add_report (dialog, report);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "import", !rejected);
  adw_message_dialog_set_default_response (dialog, rejected ? "cancel" : "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (ComptoirMembersPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirImportReport) report = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *message = NULL;

  /* The page went away while the worker ran. */
  if (self->db == NULL || self->import_file == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.import", TRUE);

  if (report == NULL)
    {
      g_autofree char *name = g_file_get_basename (self->import_file);
      g_autofree char *heading = g_strdup_printf (_("“%s” cannot be imported"), name);
      AdwMessageDialog *dialog = import_dialog_new (self, heading, error->message);

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* A trial run, or a file changed between the check and the import:
   * what it would do is shown again. */
  if (comptoir_import_report_get_dry_run (report) || !comptoir_import_report_get_committed (report))
    {
      show_report (self, report);
      return;
    }

  g_clear_object (&self->import_file);
  _comptoir_members_page_reload (self, NULL);
  message = g_strdup_printf (_("Import done: %u created, %u updated"),
                             comptoir_import_report_get_n_created (report),
                             comptoir_import_report_get_n_updated (report));
  _comptoir_members_page_show_message (self, message);
}

static void
start_import (ComptoirMembersPage *self,
              gboolean             dry_run)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, on_import_done, g_object_ref (self));
  ImportJob *job = g_new0 (ImportJob, 1);

  job->file = g_object_ref (self->import_file);
  job->db_path = g_strdup (comptoir_db_get_path (self->db));
  job->dry_run = dry_run;
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_set_source_tag (task, start_import);
  /* One import at a time. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "members.import", FALSE);
  g_task_run_in_thread (task, import_thread);
}

void
comptoir_members_page_import_file (ComptoirMembersPage *self,
                                   GFile               *file)
{
  g_return_if_fail (COMPTOIR_IS_MEMBERS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->db != NULL);

  g_set_object (&self->import_file, file);
  start_import (self, TRUE);
}

static void
on_file_chosen (GtkNativeDialog     *chooser,
                int                  response,
                ComptoirMembersPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        comptoir_members_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ComptoirMembersPage *self = COMPTOIR_MEMBERS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (GtkFileFilter) csv = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Members"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Check File"), _("_Cancel"));
  gtk_file_filter_set_name (csv, _("CSV files (comma or semicolon)"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_comptoir_members_page_class_add_import_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "members.import", NULL, import_action);
}
