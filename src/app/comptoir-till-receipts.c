/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-till-page"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-escpos.h"
#include "comptoir-printer.h"
#include "comptoir-receipt-pdf.h"
#include "comptoir-till-page-private.h"

/* Paper: the receipt after a sale (with the drawer opened for cash), a
 * duplicate on request, the Z report; on screen and as PDF when the till
 * has no printer. Printing runs in a worker: a printer switched off must
 * not freeze the till. */

typedef struct {
  char            *spec;
  GBytes          *bytes;
  ComptoirReceipt *receipt;   /* recorded as printed once the paper is out */
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_free (job->spec);
  g_bytes_unref (job->bytes);
  g_clear_pointer (&job->receipt, comptoir_receipt_free);
  g_free (job);
}

/* The shop's printer setting: a device node such as /dev/usb/lp0, "usb"
 * for the first USB receipt printer, "usb:04b8:0e15" for that one. */
static ComptoirPrinter *
open_printer (const char  *spec,
              GError     **error)
{
  guint16 vendor = 0, product = 0;

  if (g_str_has_prefix (spec, "usb:") && !comptoir_usb_id_parse (spec + 4, &vendor, &product))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The receipt printer setting “%s” is not valid: use a device such as /dev/usb/lp0, usb, or usb:04b8:0e15."),
                   spec);
      return NULL;
    }
  if (g_str_has_prefix (spec, "usb"))
    return comptoir_printer_open_usb (vendor, product, error);
  return comptoir_printer_open_device (spec, error);
}

static void
print_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  PrintJob *job = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirPrinter) printer = open_printer (job->spec, &error);

  if (printer == NULL || !comptoir_printer_write (printer, job->bytes, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  comptoir_printer_close (printer);
  g_task_return_boolean (task, TRUE);
}

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (source);
  PrintJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was printed: %s Print it again from the menu once it is fixed."),
                                                  error->message);
      _comptoir_till_page_show_message (self, message, TRUE);
      return;
    }
  if (job->receipt != NULL && !comptoir_receipt_record_print (job->receipt, self->db, &error))
    _comptoir_till_page_show_message (self, error->message, TRUE);
}

static char *
dup_printer_spec (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "receipt-printer");
}

static guint
get_columns (ComptoirTillPage *self)
{
  return (guint) comptoir_settings_get_int (self->db, COMPTOIR_SETTING_RECEIPT_COLUMNS);
}

static gboolean
send_to_printer (ComptoirTillPage *self,
                 GBytes           *bytes,
                 ComptoirReceipt  *receipt)
{
  g_autofree char *spec = dup_printer_spec ();
  g_autoptr (GTask) task = NULL;
  PrintJob *job;

  if (*spec == '\0')
    return FALSE;
  job = g_new0 (PrintJob, 1);
  job->spec = g_steal_pointer (&spec);
  job->bytes = g_bytes_ref (bytes);
  job->receipt = receipt;
  task = g_task_new (self, NULL, on_printed, NULL);
  g_task_set_task_data (task, job, print_job_free);
  g_task_run_in_thread (task, print_in_thread);
  return TRUE;
}

/* Prints a ticket's receipt; with open_drawer, the drawer wired to the
 * printer opens first, as it must for cash. */
void
_comptoir_till_page_print_receipt (ComptoirTillPage *self,
                                   const char       *ticket_id,
                                   gboolean          open_drawer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  ComptoirReceipt *receipt = comptoir_receipt_load (self->db, ticket_id, &error);
  g_autofree char *spec = dup_printer_spec ();

  if (*spec == '\0')
    {
      g_clear_pointer (&receipt, comptoir_receipt_free);
      return;
    }
  if (receipt == NULL)
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  bytes = comptoir_escpos_encode_receipt (receipt, get_columns (self));
  if (open_drawer)
    {
      g_autoptr (GBytes) pulse = comptoir_escpos_drawer_pulse ();
      g_autoptr (GByteArray) both = g_byte_array_new ();

      g_byte_array_append (both, g_bytes_get_data (pulse, NULL), g_bytes_get_size (pulse));
      g_byte_array_append (both, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_bytes_unref (bytes);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&both));
    }
  send_to_printer (self, bytes, receipt);
}

typedef struct {
  ComptoirTillPage *page;
  char             *text;       /* a document such as the Z report */
  char             *ticket_id;  /* or a ticket's receipt */
} Document;

static void
document_free (gpointer data)
{
  Document *document = data;

  g_object_unref (document->page);
  g_free (document->text);
  g_free (document->ticket_id);
  g_free (document);
}

static GPtrArray *
document_rows (Document         *document,
               ComptoirReceipt **out_receipt,
               GError          **error)
{
  guint columns = get_columns (document->page);
  ComptoirReceipt *receipt;
  GPtrArray *rows;

  if (document->ticket_id == NULL)
    return comptoir_receipt_layout_document (document->text, columns);
  if (!(receipt = comptoir_receipt_load (document->page->db, document->ticket_id, error)))
    return NULL;
  rows = comptoir_receipt_layout (receipt, columns);
  *out_receipt = receipt;
  return rows;
}

static void
on_pdf_chosen (GtkNativeDialog *chooser,
               int              response,
               Document        *document)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *path = NULL;
  ComptoirReceipt *receipt = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (!(rows = document_rows (document, &receipt, &error)) ||
      !comptoir_receipt_pdf_write_rows (rows, get_columns (document->page), path, &error) ||
      (receipt != NULL && !comptoir_receipt_record_print (receipt, document->page->db, &error)))
    _comptoir_till_page_show_message (document->page, error->message, TRUE);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Saved as %s."), path);
      _comptoir_till_page_show_message (document->page, message, FALSE);
    }
out:
  g_clear_pointer (&receipt, comptoir_receipt_free);
  document_free (document);
  g_object_unref (chooser);
}

static void
on_document_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Document         *document)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "print"))
    {
      ComptoirReceipt *receipt = NULL;
      g_autoptr (GPtrArray) rows = document_rows (document, &receipt, &error);
      g_autoptr (GBytes) bytes = NULL;

      if (rows == NULL)
        {
          _comptoir_till_page_show_message (document->page, error->message, TRUE);
          return;
        }
      bytes = comptoir_escpos_encode_rows (rows, get_columns (document->page));
      send_to_printer (document->page, bytes, receipt);
    }
  else if (g_str_equal (response, "pdf"))
    {
      Document *copy = g_new0 (Document, 1);
      GtkFileChooserNative *chooser =
        gtk_file_chooser_native_new (_("Save as PDF"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (document->page))),
                                     GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

      copy->page = g_object_ref (document->page);
      copy->text = g_strdup (document->text);
      copy->ticket_id = g_strdup (document->ticket_id);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("receipt.pdf"));
      g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_chosen), copy);
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
    }
}

/* Shows a receipt (ticket_id) or a document (text) as it would print,
 * with Print when the till has a printer and Save as PDF always. */
void
_comptoir_till_page_show_document (ComptoirTillPage *self,
                                   const char       *heading,
                                   const char       *text,
                                   const char       *ticket_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *spec = dup_printer_spec ();
  g_autofree char *shown = NULL;
  Document *document = g_new0 (Document, 1);
  ComptoirReceipt *receipt = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *scroller, *label;

  document->page = g_object_ref (self);
  document->text = g_strdup (text);
  document->ticket_id = g_strdup (ticket_id);
  if (!(rows = document_rows (document, &receipt, &error)))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      document_free (document);
      return;
    }
  g_clear_pointer (&receipt, comptoir_receipt_free);
  shown = comptoir_receipt_rows_to_text (rows, get_columns (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, NULL));
  scroller = gtk_scrolled_window_new ();
  label = gtk_label_new (shown);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "till-paper");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 460);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  adw_message_dialog_set_extra_child (dialog, scroller);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_add_response (dialog, "pdf", _("Save as _PDF…"));
  if (*spec != '\0')
    {
      adw_message_dialog_add_response (dialog, "print", _("_Print"));
      adw_message_dialog_set_response_appearance (dialog, "print", ADW_RESPONSE_SUGGESTED);
    }
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_document_response), document,
                         (GClosureNotify) (void (*) (void)) document_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_receipt_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ComptoirTillPage *self = COMPTOIR_TILL_PAGE (widget);

  if (self->last_ticket_id == NULL)
    {
      _comptoir_till_page_show_message (self, _("No ticket was paid at this till since it started."), TRUE);
      return;
    }
  _comptoir_till_page_show_document (self, _("Last Receipt"), NULL, self->last_ticket_id);
}

static void
on_drawer_reason (gpointer    user_data,
                  const char *reason)
{
  ComptoirTillPage *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pulse = NULL;

  if (!comptoir_audit_record (self->db, self->till_id, COMPTOIR_AUDIT_DRAWER_OPEN,
                              comptoir_staff_get_id (self->cashier), NULL, NULL, reason, NULL, &error))
    {
      _comptoir_till_page_show_message (self, error->message, TRUE);
      return;
    }
  pulse = comptoir_escpos_drawer_pulse ();
  if (!send_to_printer (self, pulse, NULL))
    _comptoir_till_page_show_message (self, _("Recorded. This till has no printer to open the drawer: open it by hand."), FALSE);
  comptoir_till_page_focus_scan (self);
}

static void
open_drawer_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  comptoir_till_ask_reason (widget, _("Open the Drawer?"),
                            _("Opening the drawer without a sale is recorded with your name and the reason."),
                            _("_Open Drawer"), on_drawer_reason, widget);
}

void
comptoir_till_page_class_add_receipt_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "till.show-receipt", NULL, show_receipt_action);
  gtk_widget_class_install_action (widget_class, "till.open-drawer", NULL, open_drawer_action);
}
