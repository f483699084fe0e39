/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-product-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "comptoir-editor-discard.h"
#include "comptoir-product-editor.h"

static const int vat_rates[] = { 2000, 1000, 550, 210 };

struct _ComptoirProductEditor
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *title;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *code_row;
  AdwEntryRow     *barcodes_row;
  AdwComboRow     *unit_row;
  AdwEntryRow     *price_row;
  AdwComboRow     *vat_row;
  AdwActionRow    *markup_row;
  GtkEntry        *markup_entry;
  AdwComboRow     *category_row;
  AdwEntryRow     *origin_row;
  AdwEntryRow     *supplier_ref_row;
  GtkSwitch       *organic_switch;
  GtkSwitch       *quick_switch;
  GtkSwitch       *active_switch;

  ComptoirCatalog *catalog;
  ComptoirProduct *product;     /* the copy being edited */
  GPtrArray       *categories;  /* ComptoirCategory, index + 1 in the combo */
  gboolean         is_new;
  gboolean         dirty;
  int              stored_markup_bp;  /* the product's own markup as loaded; -1: none */
  int              markup_bp;         /* as read from the form; -1: none */
};

G_DEFINE_FINAL_TYPE (ComptoirProductEditor, comptoir_product_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_for_field (ComptoirProductEditor *self,
               const char            *field)
{
  if (g_str_equal (field, "name"))
    return GTK_WIDGET (self->name_row);
  if (g_str_equal (field, "code"))
    return GTK_WIDGET (self->code_row);
  if (g_str_equal (field, "barcodes"))
    return GTK_WIDGET (self->barcodes_row);
  if (g_str_equal (field, "price-cents"))
    return GTK_WIDGET (self->price_row);
  if (g_str_equal (field, "vat-bp"))
    return GTK_WIDGET (self->vat_row);
  if (g_str_equal (field, "markup"))
    return GTK_WIDGET (self->markup_row);
  return NULL;
}

static void
clear_errors (ComptoirProductEditor *self)
{
  static const char *fields[] = { "name", "code", "barcodes", "price-cents", "vat-bp", "markup" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    gtk_widget_remove_css_class (row_for_field (self, fields[i]), "field-error");
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
show_errors (ComptoirProductEditor *self,
             GPtrArray             *errors)
{
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *first = NULL;

  for (guint i = 0; i < errors->len; i++)
    {
      ComptoirFieldError *error = g_ptr_array_index (errors, i);
      GtkWidget *row = row_for_field (self, error->field);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, error->message);
      if (row != NULL)
        {
          gtk_widget_add_css_class (row, "field-error");
          if (first == NULL)
            first = row;
        }
    }

  gtk_label_set_label (self->error_label, text->str);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
on_field_changed (ComptoirProductEditor *self,
                  GtkWidget             *row)
{
  gtk_widget_remove_css_class (row, "field-error");
}

static void
mark_dirty (ComptoirProductEditor *self)
{
  self->dirty = TRUE;
}

static void
on_markup_changed (ComptoirProductEditor *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->markup_row), "field-error");
}

static void
discard_and_close (GtkWindow *window)
{
  ComptoirProductEditor *self = COMPTOIR_PRODUCT_EDITOR (window);

  self->dirty = FALSE;
  gtk_window_close (window);
}

/* Closing with unsaved edits asks first: a volunteer called away from
 * the office must not lose a half-typed product silently. */
static gboolean
comptoir_product_editor_close_request (GtkWindow *window)
{
  ComptoirProductEditor *self = COMPTOIR_PRODUCT_EDITOR (window);

  if (!self->dirty)
    return GTK_WINDOW_CLASS (comptoir_product_editor_parent_class)->close_request (window);

  comptoir_editor_ask_discard (window, _("The changes to this product are not saved."),
                               discard_and_close);
  return TRUE;
}

static void
add_field_error (GPtrArray  *errors,
                 const char *field,
                 const char *message)
{
  ComptoirFieldError *error = g_new0 (ComptoirFieldError, 1);

  error->field = g_strdup (field);
  error->message = g_strdup (message);
  g_ptr_array_add (errors, error);
}

/* Copies the form into the product; what cannot even be read (a price
 * that is not a number) is reported like any other field error. */
static void
read_form (ComptoirProductEditor *self,
           GPtrArray             *errors)
{
  const char *price_text = gtk_editable_get_text (GTK_EDITABLE (self->price_row));
  g_auto (GStrv) barcodes = NULL;
  guint category = adw_combo_row_get_selected (self->category_row);
  gint64 price = 0;

  comptoir_product_set_name (self->product, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  comptoir_product_set_code (self->product, gtk_editable_get_text (GTK_EDITABLE (self->code_row)));

  barcodes = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->barcodes_row)), " \t,;", -1);
  /* Separators side by side leave empty pieces: drop them. */
  {
    guint kept = 0;
    for (guint i = 0; barcodes[i] != NULL; i++)
      {
        if (barcodes[i][0] != '\0')
          barcodes[kept++] = barcodes[i];
        else
          g_free (barcodes[i]);
      }
    barcodes[kept] = NULL;
  }
  comptoir_product_set_barcodes (self->product, (const char * const *) barcodes);

  if (comptoir_money_parse (price_text, &price) && price >= 0)
    comptoir_product_set_price_cents (self->product, price);
  else
    add_field_error (errors, "price-cents",
                     _("Type the price in euros, for example 2,35."));

  comptoir_product_set_unit (self->product, (ComptoirUnit) adw_combo_row_get_selected (self->unit_row));
  comptoir_product_set_vat_bp (self->product, vat_rates[MIN (adw_combo_row_get_selected (self->vat_row), 3)]);

  if (category == 0 || category == GTK_INVALID_LIST_POSITION)
    comptoir_product_set_category (self->product, NULL, NULL);
  else
    {
      ComptoirCategory *c = g_ptr_array_index (self->categories, category - 1);
      comptoir_product_set_category (self->product, c->id, c->name);
    }

  /* Empty: none of its own, the category's or the shop's applies. */
  {
    g_autofree char *markup = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->markup_entry))));
    g_autoptr (GError) error = NULL;

    if (*markup == '\0')
      self->markup_bp = -1;
    else if (!comptoir_pricing_parse_coefficient (markup, &self->markup_bp, &error))
      add_field_error (errors, "markup", error->message);
  }

  comptoir_product_set_origin (self->product, gtk_editable_get_text (GTK_EDITABLE (self->origin_row)));
  comptoir_product_set_supplier_ref (self->product, gtk_editable_get_text (GTK_EDITABLE (self->supplier_ref_row)));
  comptoir_product_set_organic (self->product, gtk_switch_get_active (self->organic_switch));
  comptoir_product_set_quick (self->product, gtk_switch_get_active (self->quick_switch));
  comptoir_product_set_active (self->product, gtk_switch_get_active (self->active_switch));
}

gboolean
comptoir_product_editor_get_dirty (ComptoirProductEditor *self)
{
  return self->dirty;
}

/* The product and its own markup: one change for the person, one
 * transaction for the shop. */
static gboolean
save_in_transaction (ComptoirDb  *db,
                     gpointer     user_data,
                     GError     **error)
{
  ComptoirProductEditor *self = user_data;

  if (!comptoir_catalog_save_product (self->catalog, self->product, error))
    return FALSE;
  if (self->markup_bp == self->stored_markup_bp)
    return TRUE;
  return comptoir_pricing_set_product_markup (db, comptoir_product_get_id (self->product), self->markup_bp, error);
}

gboolean
comptoir_product_editor_save (ComptoirProductEditor *self)
{
  g_autoptr (GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) comptoir_field_error_free);
  g_autoptr (GPtrArray) invalid = NULL;
  g_autoptr (GError) error = NULL;

  clear_errors (self);
  read_form (self, errors);
  invalid = comptoir_catalog_validate_product (self->catalog, self->product);
  for (guint i = 0; i < invalid->len; i++)
    {
      ComptoirFieldError *e = g_ptr_array_index (invalid, i);
      /* The price that could not be read is already reported. */
      if (!(g_str_equal (e->field, "price-cents") && errors->len > 0))
        add_field_error (errors, e->field, e->message);
    }

  if (errors->len > 0)
    {
      show_errors (self, errors);
      return FALSE;
    }

  if (!comptoir_db_transaction (comptoir_catalog_get_db (self->catalog), save_in_transaction, self, &error))
    {
      add_field_error (errors, "", error->message);
      show_errors (self, errors);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, self->product, self->is_new);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  comptoir_product_editor_save (COMPTOIR_PRODUCT_EDITOR (widget));
}

/* What an empty coefficient means for the category chosen: "×1.30
 * (category)", else "×1.20 (shop)". */
static void
update_markup_placeholder (ComptoirProductEditor *self)
{
  guint category = adw_combo_row_get_selected (self->category_row);
  const char *category_id = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *coefficient = NULL;
  g_autofree char *placeholder = NULL;
  ComptoirMarkupSource source;
  int markup_bp;

  if (category != 0 && category != GTK_INVALID_LIST_POSITION)
    category_id = ((ComptoirCategory *) g_ptr_array_index (self->categories, category - 1))->id;
  if (!comptoir_pricing_get_category_markup (comptoir_catalog_get_db (self->catalog), category_id, &markup_bp,
                                             &source, &error))
    {
      g_warning ("Category markup unavailable: %s", error->message);
      gtk_entry_set_placeholder_text (self->markup_entry, NULL);
      return;
    }
  coefficient = comptoir_pricing_format_coefficient_local (markup_bp);
  placeholder = g_strdup_printf (source == COMPTOIR_MARKUP_FROM_CATEGORY
                                   /* Translators: the coefficient (×1.30) a product without its own takes */
                                   ? _("%s (category)")
                                   /* Translators: the coefficient (×1.20) a product without its own takes */
                                   : _("%s (shop)"),
                                 coefficient);
  gtk_entry_set_placeholder_text (self->markup_entry, placeholder);
}

static void
on_category_selected (ComptoirProductEditor *self)
{
  guint category = adw_combo_row_get_selected (self->category_row);

  update_markup_placeholder (self);

  /* For a new product the category's usual VAT rate is the right guess. */
  if (!self->is_new || category == 0 || category == GTK_INVALID_LIST_POSITION)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (vat_rates); i++)
    if (vat_rates[i] == ((ComptoirCategory *) g_ptr_array_index (self->categories, category - 1))->default_vat_bp)
      adw_combo_row_set_selected (self->vat_row, i);
}

static void
fill_form (ComptoirProductEditor *self)
{
  ComptoirProduct *p = self->product;
  g_autoptr (GtkStringList) category_names = gtk_string_list_new (NULL);
  g_autofree char *barcodes = g_strjoinv (" ", (GStrv) comptoir_product_get_barcodes (p));
  g_autofree char *price = NULL;
  g_autoptr (GError) error = NULL;
  guint category_index = 0;

  self->categories = comptoir_catalog_list_categories (self->catalog, &error);
  if (self->categories == NULL)
    {
      g_warning ("Categories unavailable: %s", error->message);
      self->categories = g_ptr_array_new ();
    }
  gtk_string_list_append (category_names, _("No category"));
  for (guint i = 0; i < self->categories->len; i++)
    {
      ComptoirCategory *c = g_ptr_array_index (self->categories, i);
      gtk_string_list_append (category_names, c->name);
      if (g_strcmp0 (c->id, comptoir_product_get_category_id (p)) == 0)
        category_index = i + 1;
    }
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (category_names));
  adw_combo_row_set_selected (self->category_row, category_index);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), comptoir_product_get_name (p) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), comptoir_product_get_code (p) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->barcodes_row), barcodes);
  if (!self->is_new)
    {
      price = comptoir_money_format_local (comptoir_product_get_price_cents (p));
      gtk_editable_set_text (GTK_EDITABLE (self->price_row), price);
    }
  adw_combo_row_set_selected (self->unit_row, comptoir_product_get_unit (p));
  for (guint i = 0; i < G_N_ELEMENTS (vat_rates); i++)
    if (vat_rates[i] == comptoir_product_get_vat_bp (p))
      adw_combo_row_set_selected (self->vat_row, i);
  /* The product's own coefficient; without one, the field stays empty
   * and says what applies instead. */
  self->stored_markup_bp = -1;
  if (!self->is_new)
    {
      g_autoptr (GError) markup_error = NULL;
      ComptoirMarkupSource source;
      int markup_bp;

      if (!comptoir_pricing_get_product_markup (comptoir_catalog_get_db (self->catalog), comptoir_product_get_id (p),
                                                &markup_bp, &source, &markup_error))
        g_warning ("Markup unavailable: %s", markup_error->message);
      else if (source == COMPTOIR_MARKUP_FROM_PRODUCT)
        {
          g_autofree char *coefficient = comptoir_pricing_format_coefficient_local (markup_bp);

          self->stored_markup_bp = markup_bp;
          gtk_editable_set_text (GTK_EDITABLE (self->markup_entry), coefficient);
        }
    }
  self->markup_bp = self->stored_markup_bp;
  update_markup_placeholder (self);
  gtk_editable_set_text (GTK_EDITABLE (self->origin_row), comptoir_product_get_origin (p) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->supplier_ref_row), comptoir_product_get_supplier_ref (p) ?: "");
  gtk_switch_set_active (self->organic_switch, comptoir_product_get_organic (p));
  gtk_switch_set_active (self->quick_switch, comptoir_product_get_quick (p));
  gtk_switch_set_active (self->active_switch, comptoir_product_get_active (p));

  adw_window_title_set_title (self->title, self->is_new ? _("New Product") : _("Edit Product"));
  adw_window_title_set_subtitle (self->title, self->is_new ? NULL : comptoir_product_get_name (p));
  g_signal_connect_swapped (self->category_row, "notify::selected", G_CALLBACK (on_category_selected), self);

  /* Filled: from now on any edit is the person's. */
  {
    GtkWidget *entries[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->code_row),
                             GTK_WIDGET (self->barcodes_row), GTK_WIDGET (self->price_row),
                             GTK_WIDGET (self->origin_row), GTK_WIDGET (self->supplier_ref_row),
                             GTK_WIDGET (self->markup_entry) };
    GtkWidget *combos[] = { GTK_WIDGET (self->unit_row), GTK_WIDGET (self->vat_row),
                            GTK_WIDGET (self->category_row) };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (mark_dirty), self);
    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_swapped (combos[i], "notify::selected", G_CALLBACK (mark_dirty), self);
    g_signal_connect_swapped (self->organic_switch, "notify::active", G_CALLBACK (mark_dirty), self);
    g_signal_connect_swapped (self->quick_switch, "notify::active", G_CALLBACK (mark_dirty), self);
    g_signal_connect_swapped (self->active_switch, "notify::active", G_CALLBACK (mark_dirty), self);
    g_signal_connect_swapped (self->markup_entry, "changed", G_CALLBACK (on_markup_changed), self);
  }
}

static void
comptoir_product_editor_dispose (GObject *object)
{
  ComptoirProductEditor *self = COMPTOIR_PRODUCT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COMPTOIR_TYPE_PRODUCT_EDITOR);
  g_clear_object (&self->catalog);
  g_clear_object (&self->product);
  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (comptoir_product_editor_parent_class)->dispose (object);
}

static void
comptoir_product_editor_class_init (ComptoirProductEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = comptoir_product_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = comptoir_product_editor_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 COMPTOIR_TYPE_PRODUCT, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/comptoir/Comptoir/ui/comptoir-product-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, title);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, barcodes_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, vat_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, markup_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, markup_entry);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, origin_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, supplier_ref_row);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, organic_switch);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, quick_switch);
  gtk_widget_class_bind_template_child (widget_class, ComptoirProductEditor, active_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
comptoir_product_editor_init (ComptoirProductEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ComptoirProductEditor *
comptoir_product_editor_new (GtkWindow       *parent,
                             ComptoirCatalog *catalog,
                             ComptoirProduct *product)
{
  ComptoirProductEditor *self = g_object_new (COMPTOIR_TYPE_PRODUCT_EDITOR,
                                              "transient-for", parent,
                                              NULL);

  self->catalog = g_object_ref (catalog);
  self->is_new = product == NULL;
  if (product != NULL)
    self->product = comptoir_product_copy (product);
  else
    {
      /* Most of a coop's shelves are food at 5.5 %. */
      self->product = comptoir_product_new ();
      comptoir_product_set_vat_bp (self->product, 550);
    }

  fill_form (self);
  /* Typing starts in the name, not on the Cancel button. */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
