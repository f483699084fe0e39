/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-settings-page.h"

G_BEGIN_DECLS

/* Shared by comptoir-settings-page.c (the shop's fields, payment methods,
 * this till) and comptoir-settings-rules.c (the scale label rules). */
struct _ComptoirSettingsPage
{
  GtkWidget            parent_instance;

  GtkWidget           *preferences_page;  /* the only child, unparented on dispose */
  AdwEntryRow         *name_row;
  AdwPreferencesRow   *address_row;
  GtkTextView         *address_view;
  GtkWidget           *address_apply;
  AdwEntryRow         *siret_row;
  AdwEntryRow         *vat_number_row;
  AdwEntryRow         *footer_row;
  AdwComboRow         *mode_row;
  AdwComboRow         *columns_row;
  AdwEntryRow         *lock_row;
  AdwEntryRow         *card_prefix_row;
  AdwPreferencesGroup *payment_group;
  AdwEntryRow         *currency_row;
  AdwPreferencesGroup *scale_group;
  AdwEntryRow         *till_code_row;
  AdwEntryRow         *printer_row;
  AdwEntryRow         *scanner_row;

  ComptoirDb          *db;
  GSettings           *settings;
  GPtrArray           *payment_rows;  /* AdwActionRow, in the order the list is written */
  GPtrArray           *rule_rows;     /* the rows now shown for the scale rules */
  AdwToast            *toast;         /* weak: the page's message now shown */
  GtkWidget           *toast_row;     /* the row whose refusal the toast shows */
  gboolean             loading;       /* filling the form: changes are not the person's */
};

/* With undo_rules, the scale rules to put back, the toast offers Undo. */
void _comptoir_settings_page_show_message       (ComptoirSettingsPage *self,
                                                 const char           *message,
                                                 const char           *undo_rules);
void _comptoir_settings_page_undo_rules         (ComptoirSettingsPage *self,
                                                 const char           *rules);
void _comptoir_settings_page_load_rules         (ComptoirSettingsPage *self);
void _comptoir_settings_page_on_add_rule        (ComptoirSettingsPage *self);
void _comptoir_settings_page_on_restore_rules   (ComptoirSettingsPage *self);

G_END_DECLS
