/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "comptoir-db.h"
#include "comptoir-member-status.h"
#include "comptoir-scale-rules.h"

G_BEGIN_DECLS

/* The shop's settings, shared by every machine (they replicate like any
 * reference data). Each key has a default, so a new shop works before
 * anyone opens the settings. */
#define COMPTOIR_SETTING_SHOP_NAME        "shop.name"
#define COMPTOIR_SETTING_SHOP_ADDRESS     "shop.address"
#define COMPTOIR_SETTING_SHOP_SIRET       "shop.siret"
#define COMPTOIR_SETTING_SHOP_VAT_NUMBER  "shop.vat-number"
/* "coop": the till checks the member may shop; "farm": sells to anyone. */
#define COMPTOIR_SETTING_SHOP_MODE        "shop.mode"
#define COMPTOIR_SETTING_RECEIPT_FOOTER   "receipt.footer"
/* Columns of the receipt printer: 48 (80 mm paper) or 32 (58 mm). */
#define COMPTOIR_SETTING_RECEIPT_COLUMNS  "receipt.columns"
/* Seconds without activity before the till locks; 0 never locks. */
#define COMPTOIR_SETTING_TILL_LOCK_AFTER  "till.lock-after"
/* Comma-separated payment methods the tills offer, in button order. */
#define COMPTOIR_SETTING_PAYMENT_METHODS  "payment.methods"
#define COMPTOIR_SETTING_LOCAL_CURRENCY   "payment.local-currency-name"
/* Digits that start the shop's member cards (internal EAN-13). */
#define COMPTOIR_SETTING_MEMBER_CARD_PREFIX "member.card-prefix"
/* The scale label rules, as comptoir_scale_rules_to_json() writes them. */
#define COMPTOIR_SETTING_SCALE_RULES      "scan.scale-rules"
/* The member status rules, as comptoir_status_rules_to_json() writes
 * them; a rule left out takes its default. */
#define COMPTOIR_SETTING_STATUS_RULES     "member.status-rules"
/* The value of one share of the cooperative, in cents. */
#define COMPTOIR_SETTING_SHARE_VALUE      "member.share-value"
/* The shift rules, as comptoir_shift_rules_to_json() writes them. */
#define COMPTOIR_SETTING_SHIFT_RULES      "shift.rules"
/* The device that decides claims on seats in shift slots; empty: each
 * machine decides its own (a shop without a hub). */
#define COMPTOIR_SETTING_SHIFT_ARBITER    "shift.arbiter"
/* Markup of sale prices over purchase prices when neither the product
 * nor its category has one, in basis points: 2000 is a coefficient of
 * 1.20 on the price excluding VAT (see comptoir-pricing.h). */
#define COMPTOIR_SETTING_DEFAULT_MARKUP   "stock.default-markup"

/* The known keys, NULL-terminated, in the order a settings page lists them. */
const char * const *comptoir_settings_list_keys (void);

/* The stored value or the key's default; NULL only for an unknown key. */
char               *comptoir_settings_dup        (ComptoirDb   *db,
                                                  const char   *key);
gint64              comptoir_settings_get_int    (ComptoirDb   *db,
                                                  const char   *key);
/* Checks the value against the key's rule; an invalid value is refused
 * with a message saying what is expected, and nothing is written. */
gboolean            comptoir_settings_set        (ComptoirDb   *db,
                                                  const char   *key,
                                                  const char   *value,
                                                  GError      **error);
/* The payment methods enabled, as a NULL-terminated array. */
char              **comptoir_settings_dup_payment_methods (ComptoirDb *db);
/* "Cash", "Meal vouchers"…: a method as the till and reports name it. */
const char         *comptoir_payment_method_get_label     (const char  *method);
ComptoirScaleRules *comptoir_settings_load_scale_rules    (ComptoirDb  *db,
                                                           GError     **error);
gboolean            comptoir_settings_load_status_rules   (ComptoirDb           *db,
                                                           ComptoirStatusRules  *out,
                                                           GError              **error);

G_END_DECLS
