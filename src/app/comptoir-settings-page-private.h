/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-settings-page.h"

G_BEGIN_DECLS

/* Shared by comptoir-settings-page.c (the shop's fields, payment methods,
 * this till), comptoir-settings-shifts.c (the members and shifts rules)
 * and comptoir-settings-rules.c (the scale label rules). */
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
  AdwPreferencesGroup *shifts_group;
  AdwPreferencesGroup *payment_group;
  AdwEntryRow         *currency_row;
  AdwEntryRow         *markup_row;
  AdwPreferencesGroup *scale_group;
  AdwEntryRow         *till_code_row;
  AdwEntryRow         *printer_row;
  AdwEntryRow         *scanner_row;

  ComptoirDb          *db;
  GSettings           *settings;
  GPtrArray           *payment_rows;  /* AdwActionRow, in the order the list is written */
  GPtrArray           *rule_rows;     /* the rows now shown for the scale rules */
  GPtrArray           *shift_rows;    /* the Members and Shifts rows, in order */
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

/* A refusal on a row: marked, in its tooltip, and in the toast. */
void _comptoir_settings_page_show_error         (ComptoirSettingsPage *self,
                                                 GtkWidget            *row,
                                                 const char           *message);
void _comptoir_settings_page_clear_error        (ComptoirSettingsPage *self,
                                                 GtkWidget            *row);
/* The row was saved: its mark goes, and its refusal in the toast soon. */
void _comptoir_settings_page_saved              (ComptoirSettingsPage *self,
                                                 GtkWidget            *row);
/* A stored value in an entry row, without offering to apply it. */
void _comptoir_settings_page_set_entry_text     (AdwEntryRow          *row,
                                                 const char           *text);
void _comptoir_settings_page_init_shifts        (ComptoirSettingsPage *self);
void _comptoir_settings_page_load_shifts        (ComptoirSettingsPage *self);

G_END_DECLS
