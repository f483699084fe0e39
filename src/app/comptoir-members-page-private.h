/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-members-page.h"

G_BEGIN_DECLS

typedef enum {
  IDENTITY_NUMBER,
  IDENTITY_CARD,
  IDENTITY_PARTICIPATION,
  IDENTITY_SQUAD,
  IDENTITY_JOINED,
  IDENTITY_BORN,
  IDENTITY_EMAIL,
  IDENTITY_PHONE,
  IDENTITY_ADDRESS,
  IDENTITY_NOTES,
  N_IDENTITY_FIELDS
} IdentityField;

typedef enum {
  SHARES_HELD,
  SHARES_CAPITAL,
  SHARES_PAID,
  SHARES_OWED,
  N_SHARES_FIELDS
} SharesField;

/* Shared by comptoir-members-page.c (search, list, messages),
 * comptoir-member-detail.c (what is shown of the member) and
 * comptoir-member-actions.c (what staff do to the member). */
struct _ComptoirMembersPage
{
  GtkWidget             parent_instance;

  GtkWidget            *box;            /* the only child, unparented on dispose */
  GtkSearchEntry       *search_entry;
  GtkStack             *results_stack;
  GtkListBox           *results;
  AdwStatusPage        *no_results;
  GtkStack             *detail_stack;
  AdwPreferencesPage   *detail_page;
  AdwAvatar            *avatar;
  GtkLabel             *name_label;
  GtkLabel             *number_label;
  GtkLabel             *badge;
  GtkLabel             *status_label;
  AdwPreferencesGroup  *identity_group;
  AdwPreferencesGroup  *household_group;
  AdwPreferencesGroup  *shares_group;
  AdwPreferencesGroup  *counter_group;
  AdwPreferencesGroup  *shifts_group;
  AdwPreferencesGroup  *history_group;

  GtkLabel             *identity_values[N_IDENTITY_FIELDS];
  GtkLabel             *shares_values[N_SHARES_FIELDS];
  GtkLabel             *counter_value;
  /* The rows made for the member shown, taken away at the next load. */
  GPtrArray            *household_rows;
  GPtrArray            *counter_rows;
  GPtrArray            *shifts_rows;
  GPtrArray            *history_rows;

  ComptoirDb           *db;
  char                  member_id[COMPTOIR_ID_LEN + 1];  /* empty while none is shown */
  ComptoirMemberRecord  record;         /* of the member shown */
  ComptoirMemberStatus  status;         /* of the member shown, for today */
  guint                 counter_limit;  /* explanation lines shown, newest first */
  AdwToast             *toast;          /* weak: the page's message now shown */
  gboolean              filling;        /* the list is being rebuilt: selections are not the person's */
  GFile                *import_file;    /* being checked or imported, or waiting for the person's go */
};

/* comptoir-members-page.c */
/* Shown in a toast, escaped: toast titles are markup. */
void     _comptoir_members_page_show_message  (ComptoirMembersPage *self,
                                               const char          *message);
/* The list and the member shown again from the database, after a
 * change; member_id, when not NULL, is shown instead (a merge's
 * surviving account). */
void     _comptoir_members_page_reload        (ComptoirMembersPage *self,
                                               const char          *member_id);

/* comptoir-member-detail.c */
void     _comptoir_members_page_init_detail   (ComptoirMembersPage *self);
void     _comptoir_members_page_clear_detail  (ComptoirMembersPage *self);
/* Reads the member self->member_id and shows them; FALSE with the
 * reason when they cannot be read. */
gboolean _comptoir_members_page_load_detail   (ComptoirMembersPage *self,
                                               GError             **error);
/* "23/11/1980"; "" for COMPTOIR_DAY_NONE. */
char    *_comptoir_members_format_day         (ComptoirDay          day);
/* "+2", "0", "−1": the sign always shown, with a real minus. */
char    *_comptoir_members_format_points      (gint64               points);
/* "23/11/1980", "23/11/80", "2026-11-23"; empty text gives
 * COMPTOIR_DAY_NONE. FALSE when the text is not a date. */
gboolean _comptoir_members_parse_day          (const char          *text,
                                               ComptoirDay         *out);

/* comptoir-member-actions.c */
void     _comptoir_members_page_class_add_actions (GtkWidgetClass *widget_class);
/* After an action: everything read again, and the core's refusal
 * (error) or else message said in the page's toast. */
void     _comptoir_members_page_done              (ComptoirMembersPage *self,
                                                   GError              *error,
                                                   const char          *message);
/* Called with the dialog when the person confirms. */
typedef void (*ComptoirMembersConfirmFunc) (ComptoirMembersPage *self,
                                            AdwMessageDialog    *dialog);
/* A question about the member, modal on the page's window, not yet
 * presented: the caller adds its fields first. */
AdwMessageDialog *_comptoir_members_page_confirm_new (ComptoirMembersPage        *self,
                                                      const char                 *heading,
                                                      const char                 *body,
                                                      const char                 *cancel_label,
                                                      const char                 *confirm_label,
                                                      gboolean                    destructive,
                                                      ComptoirMembersConfirmFunc  func);
/* An entry named label for screen readers, whose Enter confirms. */
GtkWidget *_comptoir_members_dialog_entry_new      (AdwMessageDialog *dialog,
                                                    const char       *label);
/* What can be done to the member shown (nothing to an anonymised one). */
void     _comptoir_members_page_update_actions    (ComptoirMembersPage *self);
void     _comptoir_members_page_remove_person     (ComptoirMembersPage *self,
                                                   const char          *person_id,
                                                   const char          *name);
void     _comptoir_members_page_end_leave         (ComptoirMembersPage *self,
                                                   const char          *leave_id);
void     _comptoir_members_page_cancel_shift      (ComptoirMembersPage *self,
                                                   const char          *slot_id);
void     _comptoir_members_page_offer_shift       (ComptoirMembersPage *self,
                                                   const char          *slot_id);
void     _comptoir_members_page_withdraw_offer    (ComptoirMembersPage *self,
                                                   const char          *offer_id);

/* comptoir-member-import-ui.c: "members.import", a CSV file checked
 * by a trial run, then imported on the person's go. */
void     _comptoir_members_page_class_add_import_action (GtkWidgetClass *widget_class);

/* comptoir-member-shares-ui.c: the shares and the photo of the member
 * shown. */
void     _comptoir_members_page_class_add_shares_actions (GtkWidgetClass *widget_class);
/* The header's avatar: the photo when there is one, else initials. */
void     _comptoir_members_page_fill_photo        (ComptoirMembersPage *self);

G_END_DECLS
