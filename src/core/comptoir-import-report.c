/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-import-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "comptoir-import-report-private.h"

/* How many rejected lines comptoir_import_report_format() spells out;
 * the accessors give all of them. */
#define MAX_FORMATTED_REJECTIONS 100

typedef struct {
  guint  line;
  char  *reason;
} Rejection;

struct _ComptoirImportReport
{
  gboolean    committed;
  gboolean    dry_run;
  guint       n_created;
  guint       n_updated;
  guint       n_unchanged;
  GArray     *rejections;       /* Rejection */
  GPtrArray  *ignored_columns;  /* NULL-terminated */
  const char *encoding;
  char        delimiter;
  const char *saved_message;    /* NULL: the products' */
};

static void
rejection_clear (gpointer data)
{
  g_free (((Rejection *) data)->reason);
}

ComptoirImportReport *
_comptoir_import_report_new (gboolean    dry_run,
                             const char *encoding,
                             char        delimiter)
{
  ComptoirImportReport *report = g_new0 (ComptoirImportReport, 1);

  report->dry_run = dry_run;
  report->encoding = encoding;
  report->delimiter = delimiter;
  report->rejections = g_array_new (FALSE, TRUE, sizeof (Rejection));
  g_array_set_clear_func (report->rejections, rejection_clear);
  /* NULL-terminated at all times, even empty (a reserved size of 0
   * would leave pdata NULL), so get_ignored_columns() is a strv. */
  report->ignored_columns = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  return report;
}

void
comptoir_import_report_free (ComptoirImportReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->rejections);
  g_ptr_array_unref (report->ignored_columns);
  g_free (report);
}

void
_comptoir_import_report_set_committed (ComptoirImportReport *report,
                                       gboolean              committed)
{
  g_return_if_fail (report != NULL);
  report->committed = !!committed;
}

void
_comptoir_import_report_set_saved_message (ComptoirImportReport *report,
                                           const char           *message)
{
  g_return_if_fail (report != NULL);
  report->saved_message = message;
}

void
_comptoir_import_report_add_created (ComptoirImportReport *report)
{
  g_return_if_fail (report != NULL);
  report->n_created++;
}

void
_comptoir_import_report_add_updated (ComptoirImportReport *report)
{
  g_return_if_fail (report != NULL);
  report->n_updated++;
}

void
_comptoir_import_report_add_unchanged (ComptoirImportReport *report)
{
  g_return_if_fail (report != NULL);
  report->n_unchanged++;
}

void
_comptoir_import_report_add_rejection (ComptoirImportReport *report,
                                       guint                 line,
                                       const char           *reason)
{
  Rejection rejection = { line, NULL };

  g_return_if_fail (report != NULL);
  g_return_if_fail (reason != NULL);

  rejection.reason = g_strdup (reason);
  g_array_append_val (report->rejections, rejection);
}

void
_comptoir_import_report_add_ignored_column (ComptoirImportReport *report,
                                            const char           *header)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (header != NULL);

  g_ptr_array_add (report->ignored_columns, g_strdup (header));
}

gboolean
comptoir_import_report_get_committed (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->committed;
}

gboolean
comptoir_import_report_get_dry_run (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->dry_run;
}

guint
comptoir_import_report_get_n_created (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_created;
}

guint
comptoir_import_report_get_n_updated (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_updated;
}

guint
comptoir_import_report_get_n_unchanged (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_unchanged;
}

guint
comptoir_import_report_get_n_rejected (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->rejections->len;
}

guint
comptoir_import_report_get_rejected_line (ComptoirImportReport *report,
                                          guint                 index)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (index < report->rejections->len, 0);
  return g_array_index (report->rejections, Rejection, index).line;
}

const char *
comptoir_import_report_get_rejected_reason (ComptoirImportReport *report,
                                            guint                 index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->rejections->len, NULL);
  return g_array_index (report->rejections, Rejection, index).reason;
}

const char * const *
comptoir_import_report_get_ignored_columns (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return (const char * const *) report->ignored_columns->pdata;
}

const char *
comptoir_import_report_get_encoding (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->encoding;
}

char
comptoir_import_report_get_delimiter (ComptoirImportReport *report)
{
  g_return_val_if_fail (report != NULL, '\0');
  return report->delimiter;
}

char *
comptoir_import_report_format_details (ComptoirImportReport *report)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint n_rejected;
  const char * const *ignored;

  g_return_val_if_fail (report != NULL, NULL);

  n_rejected = report->rejections->len;
  ignored = comptoir_import_report_get_ignored_columns (report);

  if (report->delimiter == '\t')
    g_string_append_printf (text, _("Read as %s text, with tabs between the columns."), report->encoding);
  else
    g_string_append_printf (text, _("Read as %s text, with “%c” between the columns."),
                            report->encoding, report->delimiter);
  g_string_append_c (text, '\n');

  /* Translators: the four parts make one line, e.g.
   * "12 created, 3 updated, 0 unchanged, 2 rejected." */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u created", "%u created", report->n_created),
                          report->n_created);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", report->n_updated),
                          report->n_updated);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u unchanged", "%u unchanged", report->n_unchanged),
                          report->n_unchanged);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u rejected", "%u rejected", n_rejected),
                          n_rejected);
  g_string_append (text, ".\n");

  for (guint i = 0; i < n_rejected && i < MAX_FORMATTED_REJECTIONS; i++)
    {
      const Rejection *rejection = &g_array_index (report->rejections, Rejection, i);

      g_string_append_printf (text, _("Line %u: %s"), rejection->line, rejection->reason);
      g_string_append_c (text, '\n');
    }
  if (n_rejected > MAX_FORMATTED_REJECTIONS)
    {
      guint more = n_rejected - MAX_FORMATTED_REJECTIONS;

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "… and %u more rejected line.",
                                                 "… and %u more rejected lines.", more),
                              more);
      g_string_append_c (text, '\n');
    }

  if (ignored[0] != NULL)
    {
      g_autoptr (GString) list = g_string_new (NULL);

      for (guint i = 0; ignored[i] != NULL; i++)
        g_string_append_printf (list, "%s“%s”", i > 0 ? ", " : "", ignored[i]);
      g_string_append_printf (text, _("These columns were not understood and were ignored: %s."), list->str);
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The details between what kind of run it was and what to do next, as
 * the command line prints it. */
char *
comptoir_import_report_format (ComptoirImportReport *report)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *details = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->dry_run)
    g_string_append_printf (text, "%s\n", _("Trial run: nothing was written. This is what the import would do."));

  details = comptoir_import_report_format_details (report);
  g_string_append (text, details);

  if (report->rejections->len > 0)
    g_string_append (text, _("Nothing was imported: fix the rejected lines and import the file again."));
  else if (report->dry_run)
    g_string_append (text, _("Import the file again without the trial run to save these changes."));
  else if (report->saved_message != NULL)
    g_string_append (text, report->saved_message);
  else
    g_string_append (text, _("The products are saved."));
  g_string_append_c (text, '\n');

  return g_string_free (g_steal_pointer (&text), FALSE);
}
