/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-quick-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-quick-grid.h"

struct _ComptoirQuickGrid
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkFlowBox      *categories;
  GtkFlowBox      *products;
  AdwStatusPage   *empty;

  ComptoirCatalog *catalog;
};

G_DEFINE_FINAL_TYPE (ComptoirQuickGrid, comptoir_quick_grid, GTK_TYPE_WIDGET)

enum {
  PRODUCT_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_product_clicked (GtkButton         *button,
                    ComptoirQuickGrid *self)
{
  g_signal_emit (self, signals[PRODUCT_CHOSEN], 0, g_object_get_data (G_OBJECT (button), "product"));
}

static GtkWidget *
make_product_button (ComptoirQuickGrid *self,
                     ComptoirProduct   *product)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (comptoir_product_get_name (product));
  g_autofree char *price = comptoir_money_format_local (comptoir_product_get_price_cents (product));
  g_autofree char *price_text = comptoir_product_get_unit (product) == COMPTOIR_UNIT_KG
                                ? g_strdup_printf (_("%s €/kg"), price)
                                : g_strdup_printf (_("%s €"), price);
  GtkWidget *price_label = gtk_label_new (price_text);

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
  gtk_label_set_lines (GTK_LABEL (name), 3);
  /* Wrapping labels ask for their whole length otherwise, and the grid
   * would push the ticket into a corner. */
  gtk_label_set_max_width_chars (GTK_LABEL (name), 12);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (price_label, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), price_label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  /* A tap must not take the focus from the scan field. */
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_add_css_class (button, "till-quick");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  comptoir_product_get_name (product), -1);
  g_object_set_data_full (G_OBJECT (button), "product", g_object_ref (product), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_product_clicked), self);
  return button;
}

static gboolean
fill_products (ComptoirQuickGrid  *self,
               const char         *category_id,
               GError            **error)
{
  g_autoptr (GPtrArray) products = comptoir_catalog_list_quick (self->catalog, category_id, error);
  GtkWidget *child;

  if (products == NULL)
    return FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->products))) != NULL)
    gtk_flow_box_remove (self->products, child);
  for (guint i = 0; i < products->len; i++)
    gtk_flow_box_append (self->products, make_product_button (self, g_ptr_array_index (products, i)));
  return TRUE;
}

static void
on_category_toggled (GtkToggleButton   *button,
                     ComptoirQuickGrid *self)
{
  g_autoptr (GError) error = NULL;

  if (gtk_toggle_button_get_active (button) &&
      !fill_products (self, g_object_get_data (G_OBJECT (button), "category-id"), &error))
    g_warning ("Quick products: %s", error->message);
}

gboolean
comptoir_quick_grid_set_catalog (ComptoirQuickGrid  *self,
                                 ComptoirCatalog    *catalog,
                                 GError            **error)
{
  g_autoptr (GPtrArray) categories = NULL;
  GtkToggleButton *first = NULL;

  g_set_object (&self->catalog, catalog);
  if (!(categories = comptoir_catalog_list_quick_categories (catalog, error)))
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      ComptoirCategory *category = g_ptr_array_index (categories, i);
      GtkWidget *button = gtk_toggle_button_new_with_label (category->name);

      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_add_css_class (button, "till-category");
      g_object_set_data_full (G_OBJECT (button), "category-id", g_strdup (category->id), g_free);
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      g_signal_connect (button, "toggled", G_CALLBACK (on_category_toggled), self);
      gtk_flow_box_append (self->categories, button);
    }

  gtk_widget_set_visible (self->box, first != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty), first == NULL);
  if (first != NULL)
    gtk_toggle_button_set_active (first, TRUE);
  return TRUE;
}

static void
comptoir_quick_grid_dispose (GObject *object)
{
  ComptoirQuickGrid *self = COMPTOIR_QUICK_GRID (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (comptoir_quick_grid_parent_class)->dispose (object);
}

static void
comptoir_quick_grid_class_init (ComptoirQuickGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = comptoir_quick_grid_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);

  signals[PRODUCT_CHOSEN] = g_signal_new ("product-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, COMPTOIR_TYPE_PRODUCT);
}

static void
comptoir_quick_grid_init (ComptoirQuickGrid *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_hexpand (self->box, TRUE);

  self->categories = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->categories, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->categories, TRUE);
  gtk_flow_box_set_max_children_per_line (self->categories, 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->categories), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quick product categories"), -1);

  self->products = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->products, GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (self->products, TRUE);
  gtk_flow_box_set_min_children_per_line (self->products, 3);
  gtk_flow_box_set_max_children_per_line (self->products, 3);
  gtk_widget_set_valign (GTK_WIDGET (self->products), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->products), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quick products"), -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->products));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->categories));
  gtk_box_append (GTK_BOX (self->box), scroller);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "view-grid-symbolic");
  adw_status_page_set_title (self->empty, _("No Quick Products"));
  adw_status_page_set_description (self->empty,
                                   _("Goods without a barcode get a button here when “Quick button on the "
                                     "till” is on in their product sheet. Meanwhile, type their name."));
  gtk_widget_set_hexpand (GTK_WIDGET (self->empty), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->empty), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->empty), GTK_WIDGET (self));
}
