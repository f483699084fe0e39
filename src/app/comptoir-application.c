/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-app"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-application.h"
#include "comptoir-core.h"
#include "comptoir-window.h"

struct _ComptoirApplication
{
  AdwApplication   parent_instance;

  char            *db_path;
  gboolean         report_ready;
  ComptoirDb      *db;
  ComptoirCatalog *catalog;
};

G_DEFINE_FINAL_TYPE (ComptoirApplication, comptoir_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this shop database instead of the default one"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  /* For the benchmark: the monotonic clock when the first frame of the
   * window is about to be drawn, then quit. */
  { "report-ready", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL, NULL, NULL },
  { NULL }
};

static int
comptoir_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  ComptoirApplication *self = COMPTOIR_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("comptoir %s\n", PACKAGE_VERSION);
      return 0;
    }

  self->report_ready = g_variant_dict_contains (options, "report-ready");
  if (g_variant_dict_lookup (options, "db", "^ay", &path))
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
      self->db_path = g_file_get_path (file);
    }

  return -1;
}

static void
show_open_error (ComptoirApplication *self,
                 const GError        *error)
{
  GtkWidget *dialog;

  /* No window can work without its database: say why and what to do,
   * then quit when the person has read it. */
  dialog = adw_message_dialog_new (NULL, _("The shop database cannot be opened"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (g_application_quit), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_first_frame (GtkWidget     *window,
                GdkFrameClock *clock,
                gpointer       app)
{
  g_print ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

static void
comptoir_application_activate (GApplication *app)
{
  ComptoirApplication *self = COMPTOIR_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL && self->catalog == NULL)
    {
      if (self->db_path == NULL)
        self->db_path = comptoir_db_get_default_path ();
      self->db = comptoir_db_open (self->db_path, COMPTOIR_DB_OPEN_DEFAULT, &error);
      if (self->db == NULL)
        {
          show_open_error (self, error);
          return;
        }
      self->catalog = comptoir_catalog_new (self->db);
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (comptoir_window_new (GTK_APPLICATION (app), self->catalog));
      if (self->report_ready)
        gtk_widget_add_tick_callback (GTK_WIDGET (window), on_first_frame, self, NULL);
    }

  gtk_window_present (window);
}

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  static const char *developers[] = { "The Comptoir developers", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", "Comptoir",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Comptoir developers"),
                        "developers", developers,
                        "comments", _("Point of sale and back office for cooperative supermarkets and farm shops. "
                                      "It keeps selling when the internet does not."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit },
  { "about", on_about },
};

static void
comptoir_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *search_accels[] = { "<Primary>f", NULL };
  static const char *new_accels[] = { "<Primary>n", NULL };

  G_APPLICATION_CLASS (comptoir_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-product", new_accels);
}

static void
comptoir_application_finalize (GObject *object)
{
  ComptoirApplication *self = COMPTOIR_APPLICATION (object);

  g_clear_object (&self->catalog);
  g_clear_object (&self->db);
  g_free (self->db_path);

  G_OBJECT_CLASS (comptoir_application_parent_class)->finalize (object);
}

static void
comptoir_application_class_init (ComptoirApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = comptoir_application_finalize;
  app_class->activate = comptoir_application_activate;
  app_class->startup = comptoir_application_startup;
  app_class->handle_local_options = comptoir_application_handle_local_options;
}

static void
comptoir_application_init (ComptoirApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

ComptoirApplication *
comptoir_application_new (void)
{
  /* Non-unique: each till or office window is its own process on its
   * own database, and a second launch must not hand over to the first. */
  return g_object_new (COMPTOIR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/org/comptoir/Comptoir",
                       NULL);
}
