/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "comptoir-db.h"
#include "comptoir-member-status.h"

G_BEGIN_DECLS

/* In-tree only: the vocabulary of the demo shop (comptoir-demo-data.c),
 * which the generator (comptoir-demo.c, comptoir-demo-compose.c) draws
 * from. Its order and contents are part of what a seed means: changing
 * them changes the shop that every seed gives. */

typedef enum {
  CAT_PRODUCE,
  CAT_BULK,
  CAT_GROCERY,
  CAT_SWEET,
  CAT_FRESH,
  CAT_CHEESE,
  CAT_BAKERY,
  CAT_DRINKS,
  CAT_CELLAR,
  CAT_HYGIENE,
  CAT_CLEANING,
  CAT_FROZEN,
  CAT_PRESS,
  CAT_BABY,
  N_CATEGORIES
} CategoryIndex;

typedef struct {
  const char *name;
  int         vat_bp;
  const char *prefix;  /* of the internal codes */
} Category;

/* Where things come from, and how a label says it. */
typedef struct {
  const char *name;
  const char *from;
} Place;

enum {
  ITEM_NOT_ORGANIC = 1 << 0,
};

/* One kind of product; its name is
 *   noun variety qualifier extra [bio] [brand] size-or-suffix
 * each part picked from its list. */
typedef struct {
  const char *nouns;
  const char *varieties;
  const char *qualifiers;
  const char *extras;
  /* Packaged goods: "500 g|1 kg|6 x 1 L=550"; "=N" gives the price in
   * percent of the first size, else it follows from the quantity (a
   * little cheaper per kilo in bigger packs). */
  const char *sizes;
  guint       min_cents;   /* price of the first size, or per kg / litre */
  guint       max_cents;
  int         vat_bp;      /* 0: the category's rate */
  const char *origins;     /* NULL: the section's */
  const char *brands;      /* NULL: the section's */
  guint       flags;
} Item;

typedef enum {
  SELL_PACKAGED,  /* by the piece, with an EAN */
  SELL_WEIGHED,   /* by the kilogram, internal code only */
  SELL_LIQUID,    /* by the litre, internal code only */
} Selling;

enum {
  SECTION_ORIGIN_IN_NAME = 1 << 0,
  SECTION_ISSUE_NUMBER   = 1 << 1,
};

typedef struct {
  CategoryIndex category;
  Selling       selling;
  guint         share;            /* of the products, per mille */
  const Item   *items;
  guint         n_items;
  const char   *suffix;           /* weighed goods: "au kilo", "vrac"… */
  const char   *origins;          /* NULL: no origin */
  const char   *brands;
  guint         brand_percent;    /* how often the brand is in the name */
  guint         organic_percent;
  guint         flags;
} Section;

extern const Category     comptoir_demo_categories[N_CATEGORIES];

extern const Place        comptoir_demo_places[];
extern const guint        comptoir_demo_n_places;

extern const Section      comptoir_demo_sections[];
extern const guint        comptoir_demo_n_sections;

extern const char * const comptoir_demo_first_names[];
extern const guint        comptoir_demo_n_first_names;

extern const char * const comptoir_demo_last_names[];
extern const guint        comptoir_demo_n_last_names;

/* A small deterministic generator (splitmix64), in
 * comptoir-demo-compose.c: the same seed gives the same shop on every
 * machine, whatever GLib's g_random does. */
typedef struct {
  guint64 state;
} DemoRng;

guint64  _comptoir_demo_mix64       (guint64  z);
void     _comptoir_demo_rng_init    (DemoRng *rng,
                                     guint64  seed,
                                     guint64  stream);
guint    _comptoir_demo_rng_below   (DemoRng *rng,
                                     guint    bound);
gboolean _comptoir_demo_rng_percent (DemoRng *rng,
                                     guint    percent);

/* One alternative of a "|"-separated list: not NUL-terminated, it points
 * into the list. */
typedef struct {
  const char *text;
  gsize       len;
} Field;

guint _comptoir_demo_count_fields (const char *list);

/* What the name of a product was made of, for what follows from it: the
 * noun (what kind of thing it is), the brand (its barcodes), the origin,
 * and the size's price in percent of the item's first size. */
typedef struct {
  Field noun;
  Field brand;
  Field origin;
  guint factor;
} NameParts;

void   _comptoir_demo_compose_name (DemoRng       *rng,
                                    const Section *section,
                                    const Item    *item,
                                    gboolean       organic,
                                    GString       *name,
                                    NameParts     *parts);
gint64 _comptoir_demo_make_price   (DemoRng       *rng,
                                    const Item    *item,
                                    guint          factor,
                                    gboolean       organic);

/* What a demo member's record holds besides their name and contact,
 * drawn from a stream of its own per member (comptoir-demo-compose.c),
 * so that the names a seed gives stay the same. */
typedef struct {
  char   birth_date[11];      /* "" when not given */
  guint  household_first;     /* G_MAXUINT: no one else on the account */
  guint  n_shares;            /* 1 to 3, subscribed on the join day */
  guint  n_paid;              /* shares paid for: a few still owe some */
  const char *method;         /* how they paid */
} DemoMemberRecord;

void     _comptoir_demo_compose_member_record (guint64           seed,
                                               guint             number,
                                               DemoMemberRecord *out);
/* The household and the shares, through the member services; the birth
 * date goes in the member's own row. */
gboolean _comptoir_demo_write_member_record   (ComptoirDb             *db,
                                               const char             *member_id,
                                               const char             *last_name,
                                               const char             *join_date,
                                               const DemoMemberRecord *record,
                                               GError                **error);

/* The shop's shift planning: templates for a four-week cycle (some
 * sixty shifts a week, Monday to Saturday), most members in a squad,
 * the till's training for some, and the slots of the week of today and
 * the next three (comptoir-demo-compose.c). */
gboolean _comptoir_demo_write_shifts (ComptoirDb   *db,
                                      ComptoirDay   today,
                                      GError      **error);

/* Two suppliers, the wholesaler's catalogue of some of the shop's
 * products and an order sent to them (comptoir-demo-suppliers.c). */
gboolean _comptoir_demo_write_suppliers (ComptoirDb  *db,
                                         GError     **error);

G_END_DECLS
