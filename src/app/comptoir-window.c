/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-window"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-members-page.h"
#include "comptoir-planning-page.h"
#include "comptoir-products-page.h"
#include "comptoir-receiving-page.h"
#include "comptoir-settings-page.h"
#include "comptoir-stock-page.h"
#include "comptoir-suppliers-page.h"
#include "comptoir-till-page.h"
#include "comptoir-window.h"

struct _ComptoirWindow
{
  AdwApplicationWindow  parent_instance;

  AdwLeaflet           *leaflet;
  GtkStack             *stack;
  AdwWindowTitle       *window_title;
  ComptoirMembersPage  *members_page;
  ComptoirPlanningPage *planning_page;
  ComptoirProductsPage *products_page;
  ComptoirReceivingPage *receiving_page;
  ComptoirSettingsPage *settings_page;
  ComptoirStockPage    *stock_page;
  ComptoirSuppliersPage *suppliers_page;
  ComptoirTillPage     *till_page;
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *content;

  GSettings            *settings;
  ComptoirCatalog      *catalog;
  guint                 fold_timer;
};

G_DEFINE_FINAL_TYPE (ComptoirWindow, comptoir_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_visible_child_changed (ComptoirWindow *self)
{
  GtkStackPage *page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));

  adw_window_title_set_title (self->window_title, gtk_stack_page_get_title (page));
  g_settings_set_string (self->settings, "last-section", gtk_stack_get_visible_child_name (self->stack));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ComptoirWindow *self = COMPTOIR_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, "products");
  comptoir_products_page_focus_search (self->products_page);
}

static void
new_product_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ComptoirWindow *self = COMPTOIR_WINDOW (widget);

  /* Ctrl+N makes what the section shown is about. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "members") == 0)
    {
      comptoir_members_page_new_member (self->members_page);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "products");
  comptoir_products_page_new_product (self->products_page);
}

static void
show_sections_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ComptoirWindow *self = COMPTOIR_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The stock balances take in the movements written since the last fold
 * (the till's sales among them) off the commit path: a minute of sales
 * folds in a few milliseconds, and readers of the stock never have a
 * long tail to add up. */
#define STOCK_FOLD_SECONDS 60

static gboolean
fold_stock (gpointer data)
{
  ComptoirWindow *self = data;
  g_autoptr (GError) error = NULL;

  if (!comptoir_stock_fold (comptoir_catalog_get_db (self->catalog), NULL, &error))
    g_warning ("Folding the stock balances failed: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static void
comptoir_window_constructed (GObject *object)
{
  ComptoirWindow *self = COMPTOIR_WINDOW (object);
  g_autoptr (GError) error = NULL;
  g_autofree char *section = NULL;
  g_autofree char *till_code = NULL;

  G_OBJECT_CLASS (comptoir_window_parent_class)->constructed (object);

  comptoir_products_page_set_catalog (self->products_page, self->catalog);
  comptoir_settings_page_set_db (self->settings_page, comptoir_catalog_get_db (self->catalog));
  comptoir_planning_page_set_db (self->planning_page, comptoir_catalog_get_db (self->catalog));
  comptoir_receiving_page_set_catalog (self->receiving_page, self->catalog);
  comptoir_stock_page_set_catalog (self->stock_page, self->catalog);
  comptoir_suppliers_page_set_catalog (self->suppliers_page, self->catalog);
  comptoir_members_page_set_db (self->members_page, comptoir_catalog_get_db (self->catalog));

  till_code = g_settings_get_string (self->settings, "till-code");
  if (!comptoir_till_page_set_catalog (self->till_page, self->catalog, till_code, &error))
    {
      /* The back office stays usable when the till cannot start. */
      g_autofree char *message = g_strdup_printf (_("The till cannot start: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }

  section = g_settings_get_string (self->settings, "last-section");
  if (gtk_stack_get_child_by_name (self->stack, section) != NULL)
    gtk_stack_set_visible_child_name (self->stack, section);
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (on_visible_child_changed), self);
  on_visible_child_changed (self);
  self->fold_timer = g_timeout_add_seconds (STOCK_FOLD_SECONDS, fold_stock, self);
}

static void
comptoir_window_dispose (GObject *object)
{
  ComptoirWindow *self = COMPTOIR_WINDOW (object);

  g_clear_handle_id (&self->fold_timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (comptoir_window_parent_class)->dispose (object);
}

static void
comptoir_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ComptoirWindow *self = COMPTOIR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      self->catalog = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
comptoir_window_class_init (ComptoirWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = comptoir_window_constructed;
  object_class->dispose = comptoir_window_dispose;
  object_class->set_property = comptoir_window_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, COMPTOIR_TYPE_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COMPTOIR_TYPE_MEMBERS_PAGE);
  g_type_ensure (COMPTOIR_TYPE_PLANNING_PAGE);
  g_type_ensure (COMPTOIR_TYPE_PRODUCTS_PAGE);
  g_type_ensure (COMPTOIR_TYPE_RECEIVING_PAGE);
  g_type_ensure (COMPTOIR_TYPE_SETTINGS_PAGE);
  g_type_ensure (COMPTOIR_TYPE_STOCK_PAGE);
  g_type_ensure (COMPTOIR_TYPE_SUPPLIERS_PAGE);
  g_type_ensure (COMPTOIR_TYPE_TILL_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, members_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, planning_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, products_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, receiving_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, settings_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, stock_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, suppliers_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, till_page);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ComptoirWindow, content);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-product", NULL, new_product_action);
  gtk_widget_class_install_action (widget_class, "win.show-sections", NULL, show_sections_action);
}

static void
comptoir_window_init (ComptoirWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

ComptoirWindow *
comptoir_window_new (GtkApplication  *application,
                     ComptoirCatalog *catalog)
{
  return g_object_new (COMPTOIR_TYPE_WINDOW,
                       "application", application,
                       "catalog", catalog,
                       NULL);
}
