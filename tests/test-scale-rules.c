/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "comptoir-core.h"
#include "comptoir-scale-rules.h"

typedef enum {
  NO_MATCH,   /* FALSE without error */
  READ,       /* TRUE */
  REFUSED,    /* FALSE with an error */
} Outcome;

/* The default rules on codes as the shop's scales print them. Check
 * digits were computed independently. */
static void
test_defaults (void)
{
  static const struct {
    const char       *code;
    Outcome           outcome;
    ComptoirScaleKind kind;
    const char       *item;
    gint64            grams;
    gint64            cents;
    const char       *lookup;
    const char       *in_message;  /* for REFUSED */
  } cases[] = {
    /* "21": 5-digit weight, kg with 3 decimals → grams */
    { "2101234012505", READ, COMPTOIR_SCALE_WEIGHT, "01234", 1250, 0, "2101234000007", NULL },
    { "2101234999998", READ, COMPTOIR_SCALE_WEIGHT, "01234", 99999, 0, "2101234000007", NULL },
    { "2111111000013", READ, COMPTOIR_SCALE_WEIGHT, "11111", 1, 0, "2111111000006", NULL },
    { "2101234000007", REFUSED, 0, NULL, 0, 0, NULL, "0 g" },           /* 0,000 kg */
    { "2101234012506", REFUSED, 0, NULL, 0, 0, NULL, "5" },             /* EAN check digit */
    { "2101234012500", REFUSED, 0, NULL, 0, 0, NULL, "2101234012500" },
    /* "23": 5-digit price, euros with 2 decimals → cents */
    { "2304567999998", READ, COMPTOIR_SCALE_PRICE, "04567", 0, 99999, "2304567000007", NULL },
    { "2304567000014", READ, COMPTOIR_SCALE_PRICE, "04567", 0, 1, "2304567000007", NULL },
    { "2300001100005", READ, COMPTOIR_SCALE_PRICE, "00001", 0, 10000, "2300001000008", NULL },
    { "2304567000007", REFUSED, 0, NULL, 0, 0, NULL, "0" },             /* 0.00 € */
    { "2304567999991", REFUSED, 0, NULL, 0, 0, NULL, "8" },
    /* "02": price as well; a UPC-A of number system 2 is the same code */
    { "0212345003503", READ, COMPTOIR_SCALE_PRICE, "12345", 0, 350, "0212345000007", NULL },
    { "212345003503", READ, COMPTOIR_SCALE_PRICE, "12345", 0, 350, "0212345000007", NULL },
    { "0212345003504", REFUSED, 0, NULL, 0, 0, NULL, "3" },
    /* other in-store prefixes no rule reads */
    { "2012345123458", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "2212345123452", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "2900000000018", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "2000000000008", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "2012345123450", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },            /* even if its check digit is wrong */
    /* ordinary products and things that are not EAN-13 at all */
    { "3017620422003", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "96385074", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "21012340125", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "21012340125050", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "21O1234012505", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { " 2101234012505", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "2101234012505\n", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
    { "]E02101234012505", NO_MATCH, 0, NULL, 0, 0, NULL, NULL },
  };
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ComptoirScaleReading reading;
      g_autoptr (GError) error = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].code);
      memset (&reading, 0x55, sizeof reading);
      ok = comptoir_scale_rules_match (rules, cases[i].code, &reading, &error);

      switch (cases[i].outcome)
        {
        case READ:
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpint (reading.kind, ==, cases[i].kind);
          g_assert_cmpstr (reading.item_code, ==, cases[i].item);
          g_assert_cmpint (reading.quantity_milli, ==, cases[i].grams);
          g_assert_cmpint (reading.price_cents, ==, cases[i].cents);
          g_assert_cmpstr (reading.lookup_code, ==, cases[i].lookup);
          g_assert_cmpint (comptoir_barcode_classify (reading.lookup_code), ==, COMPTOIR_BARCODE_EAN13);
          break;

        case NO_MATCH:
          g_assert_no_error (error);
          g_assert_false (ok);
          break;

        case REFUSED:
          g_assert_false (ok);
          g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, cases[i].in_message));
          /* Every refusal tells the cashier what to do next. */
          g_assert_nonnull (strstr (error->message, "again"));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  g_assert_false (comptoir_scale_rules_match (rules, NULL, &(ComptoirScaleReading) { 0 }, NULL));
}

static void
test_defaults_layout (void)
{
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();
  static const struct { const char *prefix; ComptoirScaleKind kind; guint decimals; } expected[] = {
    { "21", COMPTOIR_SCALE_WEIGHT, 3 },
    { "23", COMPTOIR_SCALE_PRICE, 2 },
    { "02", COMPTOIR_SCALE_PRICE, 2 },
  };

  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (rules), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ComptoirScaleRule *rule = comptoir_scale_rules_get_rule (rules, i);

      g_assert_cmpstr (rule->prefix, ==, expected[i].prefix);
      g_assert_cmpint (rule->kind, ==, expected[i].kind);
      g_assert_cmpuint (rule->decimals, ==, expected[i].decimals);
      g_assert_cmpuint (rule->item_start, ==, 2);
      g_assert_cmpuint (rule->item_len, ==, 5);
      g_assert_cmpuint (rule->value_start, ==, 7);
      g_assert_cmpuint (rule->value_len, ==, 5);
      g_assert_false (rule->has_price_check_digit);
    }
}

/* GS1 General Specifications' worked examples, and a few more computed
 * by hand with the weighting tables. */
static void
test_price_check_digit (void)
{
  static const struct { const char *value; int digit; } cases[] = {
    { "2875", 9 },
    { "14685", 6 },
    { "0000", 0 },
    { "9999", 6 },
    { "1234", 9 },
    { "00000", 0 },
    { "99999", 6 },
    { "12345", 8 },
    { "01250", 7 },
    { "00350", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].value);
      g_assert_cmpint (comptoir_price_check_digit (cases[i].value, strlen (cases[i].value)), ==,
                       cases[i].digit);
    }
  g_assert_cmpint (comptoir_price_check_digit ("123", 3), ==, -1);
  g_assert_cmpint (comptoir_price_check_digit ("123456", 6), ==, -1);
  g_assert_cmpint (comptoir_price_check_digit ("12a4", 4), ==, -1);
  g_assert_cmpint (comptoir_price_check_digit (NULL, 4), ==, -1);
}

/* Rules whose scales print a price check digit: "28" with item 5 digits,
 * check digit, 4-digit price; "26" with item 4 digits, check digit,
 * 5-digit weight. */
static void
test_price_check_rules (void)
{
  static const ComptoirScaleRule price4 = { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 7 };
  static const ComptoirScaleRule weight5 = { "26", 2, 4, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, TRUE, 6 };
  static const struct {
    const char *code;
    Outcome     outcome;
    const char *item;
    gint64      grams;
    gint64      cents;
    const char *lookup;
  } cases[] = {
    { "2812345928752", READ, "12345", 0, 2875, "2812345000007" },
    { "2812345828755", REFUSED, NULL, 0, 0, NULL },  /* price check digit 8, should be 9 */
    { "2812345928769", REFUSED, NULL, 0, 0, NULL },  /* price 2876 misread; EAN digit fixed up */
    { "2812345928753", REFUSED, NULL, 0, 0, NULL },  /* EAN check digit */
    { "2612346146854", READ, "1234", 14685, 0, NULL },
    { "2612345146855", REFUSED, NULL, 0, 0, NULL },
    { "2112345146857", NO_MATCH, NULL, 0, 0, NULL },
  };
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (comptoir_scale_rules_append (rules, &price4, &error));
  g_assert_no_error (error);
  g_assert_true (comptoir_scale_rules_append (rules, &weight5, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ComptoirScaleReading reading = { 0 };
      g_autoptr (GError) local_error = NULL;
      gboolean ok;

      g_test_message ("%s", cases[i].code);
      ok = comptoir_scale_rules_match (rules, cases[i].code, &reading, &local_error);
      if (cases[i].outcome == READ)
        {
          g_assert_no_error (local_error);
          g_assert_true (ok);
          g_assert_cmpstr (reading.item_code, ==, cases[i].item);
          g_assert_cmpint (reading.quantity_milli, ==, cases[i].grams);
          g_assert_cmpint (reading.price_cents, ==, cases[i].cents);
          if (cases[i].lookup != NULL)
            g_assert_cmpstr (reading.lookup_code, ==, cases[i].lookup);
        }
      else if (cases[i].outcome == REFUSED)
        {
          g_assert_false (ok);
          g_assert_error (local_error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
        }
      else
        {
          g_assert_false (ok);
          g_assert_no_error (local_error);
        }
    }
}

static void
test_price_check_message (void)
{
  static const ComptoirScaleRule price4 = { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 7 };
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new ();
  g_autoptr (GError) error = NULL;
  ComptoirScaleReading reading = { 0 };

  g_assert_true (comptoir_scale_rules_append (rules, &price4, NULL));
  g_assert_false (comptoir_scale_rules_match (rules, "2812345828755", &reading, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  /* says which digit, the one expected, and that the price is at stake */
  g_assert_nonnull (strstr (error->message, "price"));
  g_assert_nonnull (strstr (error->message, "digit 8 should be 9"));
}

/* The decimals decide the unit: weights end in grams, prices in cents. */
static void
test_decimals (void)
{
  static const struct {
    ComptoirScaleKind kind;
    guint             decimals;
    const char       *code;
    gint64            expected;
  } cases[] = {
    { COMPTOIR_SCALE_WEIGHT, 3, "2101234012505", 1250 },
    { COMPTOIR_SCALE_WEIGHT, 2, "2101234012505", 12500 },
    { COMPTOIR_SCALE_WEIGHT, 1, "2101234012505", 125000 },
    { COMPTOIR_SCALE_WEIGHT, 0, "2101234012505", 1250000 },
    { COMPTOIR_SCALE_PRICE, 2, "2101234012505", 1250 },
    { COMPTOIR_SCALE_PRICE, 1, "2101234012505", 12500 },
    { COMPTOIR_SCALE_PRICE, 0, "2101234012505", 125000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ComptoirScaleRule rule = { "21", 2, 5, 7, 5, cases[i].decimals, cases[i].kind, FALSE, 0 };
      g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new ();
      g_autoptr (GError) error = NULL;
      ComptoirScaleReading reading = { 0 };

      g_assert_true (comptoir_scale_rules_append (rules, &rule, &error));
      g_assert_true (comptoir_scale_rules_match (rules, cases[i].code, &reading, &error));
      g_assert_no_error (error);
      g_assert_cmpint (cases[i].kind == COMPTOIR_SCALE_WEIGHT ? reading.quantity_milli : reading.price_cents,
                       ==, cases[i].expected);
    }
}

static void
test_validate (void)
{
  static const struct {
    ComptoirScaleRule rule;
    gboolean          valid;
    const char       *in_message;
  } cases[] = {
    { { "21", 2, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, TRUE, NULL },
    { { "2", 1, 6, 7, 5, 2, COMPTOIR_SCALE_PRICE, FALSE, 0 }, TRUE, NULL },
    { { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 7 }, TRUE, NULL },
    { { "28", 3, 4, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 2 }, TRUE, NULL },    /* check digit first */
    { { "2", 1, 1, 2, 10, 0, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, TRUE, NULL },
    { { "", 2, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "digits" },
    { { NULL, 2, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "digits" },
    { { "2a", 2, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "digits" },
    { { "21234567890", 11, 1, 0, 0, 0, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "too long" },
    { { "21", 2, 5, 7, 5, 4, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "0 to 3" },
    { { "23", 2, 5, 7, 5, 3, COMPTOIR_SCALE_PRICE, FALSE, 0 }, FALSE, "0 to 2" },
    { { "21", 2, 0, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "item code" },
    { { "2", 1, 12, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "item code" },
    { { "21", 2, 5, 7, 0, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "value" },
    { { "21", 1, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "overlap" },     /* item over prefix */
    { { "21", 2, 5, 6, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "digits 3 to 7" },
    { { "21", 7, 5, 0, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "overlap" },     /* value over prefix */
    { { "21", 2, 5, 8, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "12th digit" },
    { { "21", 8, 5, 2, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "12th digit" },
    { { "21", G_MAXUINT, 2, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "12th digit" },
    { { "21", 2, 5, 7, G_MAXUINT, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 }, FALSE, "12th digit" },
    { { "21", 2, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, TRUE, 6 }, FALSE, "overlap" },      /* check in item */
    { { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 9 }, FALSE, "overlap" },       /* check in value */
    { { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 12 }, FALSE, "12th digit" },   /* the EAN check */
    { { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 1 }, FALSE, "overlap" },       /* in the prefix */
    { { "2", 1, 5, 7, 3, 2, COMPTOIR_SCALE_PRICE, TRUE, 6 }, FALSE, "4 or 5" },
    { { "2", 1, 4, 5, 6, 2, COMPTOIR_SCALE_PRICE, TRUE, 11 }, FALSE, "4 or 5" },
    { { "21", 2, 5, 7, 5, 3, (ComptoirScaleKind) 7, FALSE, 0 }, FALSE, "weight or a price" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean ok;

      g_test_message ("case %u", i);
      ok = comptoir_scale_rule_validate (&cases[i].rule, &error);
      if (cases[i].valid)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, cases[i].in_message));
        }
    }
}

/* First matching prefix wins, so a rule hidden behind another is refused. */
static void
test_order (void)
{
  static const ComptoirScaleRule short_rule = { "2", 1, 6, 7, 5, 2, COMPTOIR_SCALE_PRICE, FALSE, 0 };
  static const ComptoirScaleRule long_rule = { "21", 2, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 };
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new ();
  g_autoptr (GError) error = NULL;
  ComptoirScaleReading reading = { 0 };

  g_assert_true (comptoir_scale_rules_append (rules, &long_rule, &error));
  g_assert_true (comptoir_scale_rules_append (rules, &short_rule, &error));
  g_assert_no_error (error);

  g_assert_false (comptoir_scale_rules_append (rules, &long_rule, &error));
  g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "never be used"));
  g_clear_error (&error);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (rules), ==, 2);

  /* "21…" is a weight, any other "2…" a price read with the short rule */
  g_assert_true (comptoir_scale_rules_match (rules, "2101234012505", &reading, &error));
  g_assert_cmpint (reading.kind, ==, COMPTOIR_SCALE_WEIGHT);
  g_assert_cmpuint (reading.rule_index, ==, 0);
  g_assert_true (comptoir_scale_rules_match (rules, "2212345123452", &reading, &error));
  g_assert_no_error (error);
  g_assert_cmpint (reading.kind, ==, COMPTOIR_SCALE_PRICE);
  g_assert_cmpuint (reading.rule_index, ==, 1);
  g_assert_cmpstr (reading.item_code, ==, "212345");
  g_assert_cmpint (reading.price_cents, ==, 12345);

  comptoir_scale_rules_remove (rules, 0);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (rules), ==, 1);
  g_assert_true (comptoir_scale_rules_match (rules, "2101234012505", &reading, &error));
  g_assert_cmpint (reading.kind, ==, COMPTOIR_SCALE_PRICE);
  g_assert_cmpstr (reading.item_code, ==, "101234");

  /* Same prefix twice: the second could never be used either. */
  {
    g_autoptr (ComptoirScaleRules) twice = comptoir_scale_rules_new_default ();

    g_assert_false (comptoir_scale_rules_append (twice, &long_rule, &error));
    g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* No rules at all: nothing is read, nothing fails. */
  {
    g_autoptr (ComptoirScaleRules) none = comptoir_scale_rules_new ();

    g_assert_false (comptoir_scale_rules_match (none, "2101234012505", &reading, &error));
    g_assert_no_error (error);
  }
}

static void
test_json_round_trip (void)
{
  static const ComptoirScaleRule price4 = { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 7 };
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();
  g_autoptr (ComptoirScaleRules) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;

  g_assert_true (comptoir_scale_rules_append (rules, &price4, &error));
  json = comptoir_scale_rules_to_json (rules);
  g_test_message ("%s", json);
  g_assert_nonnull (strstr (json, "\"prefix\" : \"21\""));
  g_assert_nonnull (strstr (json, "\"kind\" : \"weight\""));
  g_assert_nonnull (strstr (json, "\"price_check_position\" : 7"));

  back = comptoir_scale_rules_new_from_json (json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (back), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const ComptoirScaleRule *a = comptoir_scale_rules_get_rule (rules, i);
      const ComptoirScaleRule *b = comptoir_scale_rules_get_rule (back, i);

      g_assert_cmpstr (a->prefix, ==, b->prefix);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpuint (a->item_start, ==, b->item_start);
      g_assert_cmpuint (a->item_len, ==, b->item_len);
      g_assert_cmpuint (a->value_start, ==, b->value_start);
      g_assert_cmpuint (a->value_len, ==, b->value_len);
      g_assert_cmpuint (a->decimals, ==, b->decimals);
      g_assert_cmpint (a->has_price_check_digit, ==, b->has_price_check_digit);
      g_assert_cmpuint (a->price_check_position, ==, b->price_check_position);
    }

  again = comptoir_scale_rules_to_json (back);
  g_assert_cmpstr (json, ==, again);

  /* An empty list is a shop without scales. */
  {
    g_autoptr (ComptoirScaleRules) empty = comptoir_scale_rules_new_from_json ("[]", &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (comptoir_scale_rules_get_n_rules (empty), ==, 0);
    text = comptoir_scale_rules_to_json (empty);
    g_assert_cmpstr (text, ==, "[]");
  }
}

static void
test_json_hand_written (void)
{
  const char *json =
    "[\n"
    "  { \"prefix\": \"28\", \"kind\": \"price\", \"item_start\": 2, \"item_len\": 5,\n"
    "    \"value_start\": 8, \"value_len\": 4, \"decimals\": 2, \"price_check_position\": 7,\n"
    "    \"comment\": \"butcher's scales\" },\n"
    "  { \"prefix\": \"21\", \"kind\": \"weight\", \"item_start\": 2, \"item_len\": 5,\n"
    "    \"value_start\": 7, \"value_len\": 5, \"decimals\": 3, \"price_check_position\": null }\n"
    "]";
  g_autoptr (GError) error = NULL;
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_from_json (json, &error);
  ComptoirScaleReading reading = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (comptoir_scale_rules_get_n_rules (rules), ==, 2);
  g_assert_true (comptoir_scale_rules_get_rule (rules, 0)->has_price_check_digit);
  g_assert_false (comptoir_scale_rules_get_rule (rules, 1)->has_price_check_digit);

  g_assert_true (comptoir_scale_rules_match (rules, "2812345928752", &reading, &error));
  g_assert_cmpint (reading.price_cents, ==, 2875);
  g_assert_true (comptoir_scale_rules_match (rules, "2101234012505", &reading, &error));
  g_assert_cmpint (reading.quantity_milli, ==, 1250);
  g_assert_no_error (error);
}

static void
test_json_invalid (void)
{
#define RULE(body) "[{ \"prefix\": \"21\", \"kind\": \"weight\", " body " }]"
#define SPANS "\"item_start\": 2, \"item_len\": 5, \"value_start\": 7, \"value_len\": 5"
  static const struct { const char *json; const char *in_message; } cases[] = {
    { NULL, "cannot be read" },
    { "", "cannot be read" },
    { "not json", "cannot be read" },
    { "[{\"prefix\": \"21\",", "cannot be read" },
    { "{}", "list of rules" },
    { "\"21\"", "list of rules" },
    { "null", "list of rules" },
    { "[1]", "Scale rule 1" },
    { "[[]]", "Scale rule 1" },
    { "[{ \"kind\": \"weight\", " SPANS ", \"decimals\": 3 }]", "no prefix" },
    { "[{ \"prefix\": 21, \"kind\": \"weight\", " SPANS ", \"decimals\": 3 }]", "no prefix" },
    { "[{ \"prefix\": \"21\", \"kind\": \"volume\", " SPANS ", \"decimals\": 3 }]", "\"weight\" or \"price\"" },
    { "[{ \"prefix\": \"21\", " SPANS ", \"decimals\": 3 }]", "\"weight\" or \"price\"" },
    { RULE (SPANS), "“decimals”" },
    { RULE ("\"item_start\": 2, \"item_len\": 5, \"value_start\": 7, \"decimals\": 3"), "“value_len”" },
    { RULE ("\"item_start\": \"2\", \"item_len\": 5, \"value_start\": 7, \"value_len\": 5, \"decimals\": 3"),
      "whole number" },
    { RULE ("\"item_start\": 2.5, \"item_len\": 5, \"value_start\": 7, \"value_len\": 5, \"decimals\": 3"),
      "whole number" },
    { RULE ("\"item_start\": true, \"item_len\": 5, \"value_start\": 7, \"value_len\": 5, \"decimals\": 3"),
      "whole number" },
    { RULE ("\"item_start\": -1, \"item_len\": 5, \"value_start\": 7, \"value_len\": 5, \"decimals\": 3"),
      "13-digit" },
    { RULE ("\"item_start\": 4294967298, \"item_len\": 5, \"value_start\": 7, \"value_len\": 5, \"decimals\": 3"),
      "13-digit" },
    { RULE (SPANS ", \"decimals\": 9"), "0 to 3" },
    { RULE (SPANS ", \"decimals\": 3, \"price_check_position\": \"7\""), "whole number" },
    { RULE ("\"item_start\": 2, \"item_len\": 5, \"value_start\": 7, \"value_len\": 3, \"decimals\": 3, "
            "\"price_check_position\": 11"), "4 or 5" },
    { RULE (SPANS ", \"decimals\": 3, \"price_check_position\": 8"), "(digit 9)" },
    { RULE ("\"item_start\": 2, \"item_len\": 6, \"value_start\": 7, \"value_len\": 5, \"decimals\": 3"),
      "overlap" },
    { RULE ("\"item_start\": 2, \"item_len\": 5, \"value_start\": 8, \"value_len\": 5, \"decimals\": 3"),
      "12th digit" },
    { "[{ \"prefix\": \"2\", \"kind\": \"price\", \"item_start\": 1, \"item_len\": 6, \"value_start\": 7,"
      " \"value_len\": 5, \"decimals\": 2 },"
      "{ \"prefix\": \"21\", \"kind\": \"weight\", " SPANS ", \"decimals\": 3 }]", "never be used" },
  };
#undef RULE
#undef SPANS

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ComptoirScaleRules) rules = NULL;

      g_test_message ("%s", cases[i].json != NULL ? cases[i].json : "(null)");
      rules = comptoir_scale_rules_new_from_json (cases[i].json, &error);
      g_assert_null (rules);
      g_assert_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID);
      g_test_message ("→ %s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].in_message));
    }
}

/* Random bytes and random digit strings: the reader returns, with a
 * consistent answer, and never reads out of bounds (the suite also runs
 * under AddressSanitizer). */
static void
test_fuzz (void)
{
  static const char *prefixes[] = { "21", "23", "02", "2", "28", "26", "" };
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new_default ();
  static const ComptoirScaleRule price4 = { "28", 2, 5, 8, 4, 2, COMPTOIR_SCALE_PRICE, TRUE, 7 };
  static const ComptoirScaleRule weight5 = { "26", 2, 4, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, TRUE, 6 };
  GRand *rand = g_rand_new_with_seed (20240615);
  guint n_read = 0, n_refused = 0;

  g_assert_true (comptoir_scale_rules_append (rules, &price4, NULL));
  g_assert_true (comptoir_scale_rules_append (rules, &weight5, NULL));

  for (guint i = 0; i < 20000; i++)
    {
      char text[32];
      guint len;
      ComptoirScaleReading reading = { 0 };
      g_autoptr (GError) error = NULL;
      gboolean ok;

      if (i % 2 == 0)
        {
          /* any bytes but NUL */
          len = g_rand_int_range (rand, 0, sizeof text);
          for (guint j = 0; j < len; j++)
            text[j] = (char) g_rand_int_range (rand, 1, 256);
        }
      else
        {
          /* 11 to 14 digits behind a prefix a rule may know */
          const char *prefix = prefixes[g_rand_int_range (rand, 0, G_N_ELEMENTS (prefixes))];

          len = g_rand_int_range (rand, 11, 15);
          for (guint j = 0; j < len; j++)
            text[j] = j < strlen (prefix) ? prefix[j] : '0' + g_rand_int_range (rand, 0, 10);
        }
      text[len] = '\0';

      ok = comptoir_scale_rules_match (rules, text, &reading, &error);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_true (reading.quantity_milli > 0 || reading.price_cents > 0);
          g_assert_cmpint (comptoir_barcode_classify (reading.lookup_code), ==, COMPTOIR_BARCODE_EAN13);
          n_read++;
        }
      else if (error != NULL)
        {
          g_assert_true (g_utf8_validate (error->message, -1, NULL));
          n_refused++;
        }
    }

  /* The digit strings did exercise both outcomes. */
  g_test_message ("%u read, %u refused of 20000", n_read, n_refused);
  g_assert_cmpuint (n_read, >, 100);
  g_assert_cmpuint (n_refused, >, 100);
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/comptoir/core/scale-rules/defaults", test_defaults);
  g_test_add_func ("/comptoir/core/scale-rules/defaults-layout", test_defaults_layout);
  g_test_add_func ("/comptoir/core/scale-rules/price-check-digit", test_price_check_digit);
  g_test_add_func ("/comptoir/core/scale-rules/price-check-rules", test_price_check_rules);
  g_test_add_func ("/comptoir/core/scale-rules/price-check-message", test_price_check_message);
  g_test_add_func ("/comptoir/core/scale-rules/decimals", test_decimals);
  g_test_add_func ("/comptoir/core/scale-rules/validate", test_validate);
  g_test_add_func ("/comptoir/core/scale-rules/order", test_order);
  g_test_add_func ("/comptoir/core/scale-rules/json-round-trip", test_json_round_trip);
  g_test_add_func ("/comptoir/core/scale-rules/json-hand-written", test_json_hand_written);
  g_test_add_func ("/comptoir/core/scale-rules/json-invalid", test_json_invalid);
  g_test_add_func ("/comptoir/core/scale-rules/fuzz", test_fuzz);
  return g_test_run ();
}
