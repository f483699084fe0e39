/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "comptoir-resources.h"
#include "comptoir-till-page.h"
#include "comptoir-window.h"
#include "test-ui.h"

/* A cashier's first minutes at the till, on a French AZERTY keyboard with
 * a scanner that types as a US keyboard: open the till, scan, scan three
 * of a kind, weigh loose apples, misscan, pay cash and read the change. */

#define N_PRODUCTS 3000

/* The keysyms an AZERTY layout gives for the unshifted number row: what
 * arrives when a US-layout scanner types the digits 0 to 9. */
static const char *azerty_digit_keys[10] = {
  "agrave", "ampersand", "eacute", "quotedbl", "apostrophe",
  "parenleft", "minus", "egrave", "underscore", "ccedilla",
};

static void
scan_burst (const char *code)
{
  g_autoptr (GString) arguments = g_string_new ("key --delay 4");

  for (const char *p = code; *p != '\0'; p++)
    g_string_append_printf (arguments, " %s", azerty_digit_keys[*p - '0']);
  g_string_append (arguments, " Return");
  xdotool (arguments->str);
  settle ();
}

static gint64
open_lines (Fixture *f)
{
  return fixture_query_int (f->db, "SELECT count (*) FROM open_ticket_line WHERE void_reason IS NULL");
}

static gboolean
has_lines (gpointer data)
{
  return open_lines (data) > 0;
}

static void
test_till_sale (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  ComptoirDemoOptions options = { .n_products = N_PRODUCTS, .n_members = 60, .seed = 11 };
  g_autofree char *barcode = NULL;
  g_autofree char *second = NULL;
  g_autofree char *second_name = NULL;
  g_autofree char *change = NULL;
  g_autofree char *expected_title = NULL;
  ComptoirWindow *window;
  ComptoirTillPage *page;
  AdwMessageDialog *dialog;
  GtkWidget *entry, *spin, *status;
  gint64 total;

  g_assert_true (comptoir_demo_generate (f->db, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  barcode = fixture_query_text (f->db, "SELECT b.barcode FROM product_barcode b JOIN product p ON p.id = b.product_id "
                               "WHERE p.unit = 'piece' AND p.active AND length (b.barcode) = 13 "
                               "ORDER BY b.barcode LIMIT 1");
  second = fixture_query_text (f->db, "SELECT b.barcode FROM product_barcode b JOIN product p ON p.id = b.product_id "
                              "WHERE p.unit = 'piece' AND p.active AND length (b.barcode) = 13 "
                              "ORDER BY b.barcode DESC LIMIT 1");
  second_name = fixture_query_text (f->db, "SELECT p.name FROM product_barcode b JOIN product p ON p.id = b.product_id "
                                   "WHERE p.unit = 'piece' AND p.active AND length (b.barcode) = 13 "
                                   "ORDER BY b.barcode DESC LIMIT 1");

  /* The scanner types as a US keyboard; the till's layout is French. */
  xdotool ("version");
  g_assert_true (g_spawn_command_line_sync ("setxkbmap fr", NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr (ComptoirStaff) anne = comptoir_staff_create (f->db, "Anne", COMPTOIR_STAFF_ROLE_CASHIER, "2580", &error);
    g_autoptr (ComptoirStaff) claire = comptoir_staff_create (f->db, "Claire", COMPTOIR_STAFF_ROLE_MANAGER, "9999", &error);
    g_assert_no_error (error);
  }
  g_settings_set_string (settings, "last-section", "till");
  window = comptoir_window_new (NULL, f->catalog);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_mapped, window);
  page = COMPTOIR_TILL_PAGE (find_descendant (GTK_WIDGET (window), COMPTOIR_TYPE_TILL_PAGE));
  settle ();

  /* Locked at start: Anne picks her name and types her PIN. */
  g_assert_false (comptoir_till_page_is_ready (page));
  save_screenshot (GTK_WIDGET (window), "till-locked.png");
  click_widget (GTK_WIDGET (window), find_button (GTK_WIDGET (page), "Anne"));
  settle ();
  xdotool ("type --delay 80 2580");
  xdotool ("key Return");
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM audit_event WHERE action = 'login'"), ==, 1);

  /* A closed till first asks for the float, counted in the drawer. */
  g_assert_nonnull (find_button (GTK_WIDGET (page), "_Open the Till…"));
  gtk_widget_activate_action (GTK_WIDGET (page), "till.open-session", NULL);
  dialog = wait_for_message_dialog ();
  /* Notes are counted largest first: 500, 200, 100, then 50 € (row 4). */
  spin = gtk_grid_get_child_at (GTK_GRID (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_GRID)), 1, 3);
  g_assert_true (GTK_IS_SPIN_BUTTON (spin));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 3);  /* 3 × 50 € */
  adw_message_dialog_response (dialog, "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT float_cents FROM till_session"), ==, 15000);
  g_assert_true (comptoir_till_page_is_ready (page));
  entry = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (GTK_IS_TEXT (entry));

  /* Training mode from the menu, on and off again, each recorded. */
  gtk_widget_activate_action (GTK_WIDGET (page), "till.training", NULL);
  settle ();
  g_assert_true (gtk_widget_get_visible (find_with_class (GTK_WIDGET (page), GTK_TYPE_LABEL, "till-training")));
  save_screenshot (GTK_WIDGET (window), "till-training.png");
  gtk_widget_activate_action (GTK_WIDGET (page), "till.training", NULL);
  settle ();
  g_assert_false (gtk_widget_get_visible (find_with_class (GTK_WIDGET (page), GTK_TYPE_LABEL, "till-training")));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM audit_event WHERE action IN ('training_on', 'training_off')"), ==, 2);

  /* A scanner burst: the layout makes "&é\"…" of it, the till reads digits. */
  scan_burst (barcode);
  wait_for (has_lines, f);
  g_assert_cmpint (open_lines (f), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* Three of a kind: "3", the multiply key, then the scan. */
  xdotool ("type --delay 120 3*");
  settle ();
  scan_burst (second);
  g_assert_cmpint (open_lines (f), ==, 2);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT quantity_milli FROM open_ticket_line WHERE position = 2"), ==, 3000);
  g_assert_true (shows_label (GTK_WIDGET (page), second_name));

  /* Loose apples: found by name, weighed, the weight typed in kilograms. */
  xdotool ("type --delay 60 pomme");
  xdotool ("key Return");
  settle ();
  {
    GtkWidget *results = NULL;
    GtkWidget *row;

    /* The search results: the page's list box styled as a boxed list. */
    {
      g_autoptr (GPtrArray) stack = g_ptr_array_new ();
      g_ptr_array_add (stack, page);
      while (stack->len > 0)
        {
          GtkWidget *w = g_ptr_array_steal_index (stack, 0);
          if (GTK_IS_LIST_BOX (w) && gtk_widget_get_mapped (w) && gtk_widget_has_css_class (w, "boxed-list"))
            results = w;
          for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
    }
    g_assert_nonnull (results);
    /* The first of them sold by the kilo. */
    for (int i = 0; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (results), i))) != NULL; i++)
      if (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "€/kg"))
        break;
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "omme"));
    g_signal_emit_by_name (results, "row-activated", row);
  }
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Weight of"));
  settle ();
  xdotool ("type --delay 60 0,350");
  settle ();
  xdotool ("key Return");
  settle ();
  g_assert_cmpint (open_lines (f), ==, 3);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT quantity_milli FROM open_ticket_line WHERE position = 3"), ==, 350);

  /* A discount on the three drinks, approved with the manager's PIN:
   * every field typed on the AZERTY keyboard, Enter to go to the next. */
  gtk_list_box_select_row (GTK_LIST_BOX (find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "till-lines")),
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_with_class (GTK_WIDGET (page), GTK_TYPE_LIST_BOX, "till-lines")), 1));
  gtk_widget_activate_action (GTK_WIDGET (page), "till.discount", NULL);
  dialog = wait_for_message_dialog ();
  settle ();
  xdotool ("type --delay 60 '10 %'");
  xdotool ("key Return");
  settle ();
  xdotool ("type --delay 60 'carte fidélité'");
  xdotool ("key Return");
  settle ();
  xdotool ("type --delay 60 9999");
  xdotool ("key Return");
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM open_ticket_line WHERE discount_of = 2"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM audit_event WHERE action = 'discount' "
                                             "AND reason = 'carte fidélité' AND authorized_by IS NOT NULL"), ==, 1);
  g_assert_cmpint (open_lines (f), ==, 4);

  /* A code nobody knows beeps and says so; no line appears. */
  scan_burst ("4006381333931");
  g_assert_cmpint (open_lines (f), ==, 4);
  g_assert_true (shows_label (GTK_WIDGET (page),
                              "No product has the code 4006381333931. Scan again, or find the product by name."));

  /* The customer hands over 100 €: typed, then Cash. */
  total = fixture_query_int (f->db, "SELECT sum ((unit_price_cents * quantity_milli + 500) / 1000) FROM open_ticket_line");
  g_assert_cmpint (total, <, 10000);
  /* In a cooperative, nobody pays before their member card is read. */
  click_widget (GTK_WIDGET (window), find_button (GTK_WIDGET (page), "Cash"));
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket"), ==, 0);
  g_assert_true (shows_label (GTK_WIDGET (page), "Scan the member’s card before payment: in a cooperative, members shop."));
  {
    g_autofree char *card = comptoir_member_card_barcode ("299", 53);
    g_autofree char *ok_card = comptoir_member_card_barcode ("299", 1);
    g_autofree char *name = fixture_query_text (f->db, "SELECT first_name || ' ' || last_name FROM member WHERE number = 1");
    g_autofree char *banner = g_strdup_printf ("%s (no. 1) may shop.", name);

    /* Member 53 of the demo may not shop: the till says so and refuses. */
    scan_burst (card);
    click_widget (GTK_WIDGET (window), find_button (GTK_WIDGET (page), "Cash"));
    settle ();
    g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket"), ==, 0);
    g_assert_true (gtk_widget_has_css_class (find_with_class (GTK_WIDGET (page), GTK_TYPE_LABEL, "till-member"), "blocked"));

    scan_burst (ok_card);
    g_assert_true (shows_label (GTK_WIDGET (page), banner));
  }

  xdotool ("type --delay 60 100");
  settle ();
  click_widget (GTK_WIDGET (window), find_button (GTK_WIDGET (page), "Cash"));
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket t JOIN member m ON m.id = t.member_id "
                                             "WHERE m.number = 1"), ==, 1);

  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT amount_cents FROM ticket_payment"), ==, 10000);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT change_cents FROM ticket"), ==,
                   10000 - fixture_query_int (f->db, "SELECT total_cents FROM ticket"));
  change = comptoir_money_format_local (fixture_query_int (f->db, "SELECT change_cents FROM ticket"));
  expected_title = g_strdup_printf ("Change: %s €", change);
  status = find_with_class (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE, "till-done");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, expected_title);
  /* The paid ticket stays on screen for the customer to read. */
  g_assert_true (shows_label (GTK_WIDGET (page), second_name));
  g_assert_true (comptoir_till_page_is_ready (page));
  settle ();
  save_screenshot (GTK_WIDGET (window), "till.png");

  /* The customer comes back with the receipt: its barcode, scanned at
   * the till, starts a refund ("T1-1" from a US-layout scanner reads
   * "T&)&" on AZERTY). */
  xdotool ("key --delay 4 T ampersand parenright ampersand Return");
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Refund"));
  settle ();
  xdotool ("type --delay 60 'produit cassé'");
  xdotool ("key Return");
  settle ();
  xdotool ("type --delay 60 9999");
  xdotool ("key Return");
  settle ();
  dialog = wait_for_message_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "cash"));
  /* The customer keeps the galettes (line 1): untick it. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_descendant (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON)), FALSE);
  adw_message_dialog_response (dialog, "cash");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM ticket WHERE kind = 'refund'"), ==, 1);
  g_assert_cmpint (fixture_query_int (f->db, "SELECT total_cents FROM ticket WHERE kind = 'refund'"), ==,
                   -fixture_query_int (f->db, "SELECT total_cents FROM ticket WHERE kind = 'sale'")
                   + fixture_query_int (f->db, "SELECT l.total_cents FROM ticket_line l JOIN ticket t ON t.id = l.ticket_id "
                                               "WHERE t.kind = 'sale' AND l.position = 1"));
  g_assert_cmpint (fixture_query_int (f->db, "SELECT count (*) FROM audit_event WHERE action = 'refund' "
                                             "AND reason = 'produit cassé'"), ==, 1);

  /* The next scan starts the next ticket. */
  scan_burst (barcode);
  g_assert_cmpint (open_lines (f), ==, 1);
  g_assert_false (shows_label (GTK_WIDGET (page), second_name));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_spawn_command_line_sync ("setxkbmap us", NULL, NULL, NULL, NULL);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  comptoir_register_resource ();
  load_app_style ();
  g_test_add ("/comptoir/ui/till/sale", Fixture, NULL, fixture_set_up, test_till_sale, fixture_tear_down);
  return g_test_run ();
}
