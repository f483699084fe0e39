/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "comptoir-scale-rules"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "comptoir-barcode.h"
#include "comptoir-error.h"
#include "comptoir-scale-rules.h"

/* A code has 13 digits; the last one is the EAN check digit, so every
 * span of a rule lies within the first 12. */
#define N_BODY_DIGITS 12

struct _ComptoirScaleRules {
  GArray *rules;  /* ComptoirScaleRule, each with a prefix it owns */
};

static const ComptoirScaleRule default_rules[] = {
  { "21", 2, 5, 7, 5, 3, COMPTOIR_SCALE_WEIGHT, FALSE, 0 },
  { "23", 2, 5, 7, 5, 2, COMPTOIR_SCALE_PRICE, FALSE, 0 },
  { "02", 2, 5, 7, 5, 2, COMPTOIR_SCALE_PRICE, FALSE, 0 },
};

/* GS1 General Specifications, "check digit calculation for price/weight
 * fields": each digit is mapped through a weighting table. */
static const guint8 weight_2_minus[10] = { 0, 2, 4, 6, 8, 9, 1, 3, 5, 7 };
static const guint8 weight_3[10]       = { 0, 3, 6, 9, 2, 5, 8, 1, 4, 7 };
static const guint8 weight_5_plus[10]  = { 0, 5, 1, 6, 2, 7, 3, 8, 4, 9 };
static const guint8 weight_5_minus[10] = { 0, 5, 9, 4, 8, 3, 7, 2, 6, 1 };

/* The price (or measure) verifier digit of a 4- or 5-digit value; -1 if
 * the value is not 4 or 5 digits. */
int
comptoir_price_check_digit (const char *digits,
                            gsize       len)
{
  int d[5];
  int sum;

  if (digits == NULL || (len != 4 && len != 5))
    return -1;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        return -1;
      d[i] = digits[i] - '0';
    }

  if (len == 4)
    {
      sum = weight_2_minus[d[0]] + weight_2_minus[d[1]] + weight_3[d[2]] + weight_5_minus[d[3]];
      return (sum * 3) % 10;
    }

  sum = weight_5_plus[d[0]] + weight_2_minus[d[1]] + weight_5_minus[d[2]]
        + weight_5_plus[d[3]] + weight_2_minus[d[4]];
  sum = (10 - sum % 10) % 10;
  /* The check digit is the one whose 5- weighted product is that result. */
  for (int c = 0; c < 10; c++)
    if (weight_5_minus[c] == sum)
      return c;

  g_assert_not_reached ();
  return -1;
}

static void
rule_clear (gpointer data)
{
  ComptoirScaleRule *rule = data;

  g_free ((char *) rule->prefix);
  rule->prefix = NULL;
}

ComptoirScaleRules *
comptoir_scale_rules_new (void)
{
  ComptoirScaleRules *rules = g_new0 (ComptoirScaleRules, 1);

  rules->rules = g_array_new (FALSE, TRUE, sizeof (ComptoirScaleRule));
  g_array_set_clear_func (rules->rules, rule_clear);
  return rules;
}

ComptoirScaleRules *
comptoir_scale_rules_new_default (void)
{
  ComptoirScaleRules *rules = comptoir_scale_rules_new ();

  for (guint i = 0; i < G_N_ELEMENTS (default_rules); i++)
    {
      gboolean ok = comptoir_scale_rules_append (rules, &default_rules[i], NULL);

      g_assert (ok);
    }
  return rules;
}

void
comptoir_scale_rules_free (ComptoirScaleRules *rules)
{
  if (rules == NULL)
    return;
  g_array_unref (rules->rules);
  g_free (rules);
}

guint
comptoir_scale_rules_get_n_rules (ComptoirScaleRules *rules)
{
  g_return_val_if_fail (rules != NULL, 0);

  return rules->rules->len;
}

const ComptoirScaleRule *
comptoir_scale_rules_get_rule (ComptoirScaleRules *rules,
                               guint               index)
{
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (index < rules->rules->len, NULL);

  return &g_array_index (rules->rules, ComptoirScaleRule, index);
}

void
comptoir_scale_rules_remove (ComptoirScaleRules *rules,
                             guint               index)
{
  g_return_if_fail (rules != NULL);
  g_return_if_fail (index < rules->rules->len);

  g_array_remove_index (rules->rules, index);
}

/* Validation */

typedef struct {
  const char *name;   /* translatable, marked with N_() */
  guint       start;
  guint       len;
} Span;

/* Digits as a person counts them on the label, from 1. */
static char *
describe_span (const Span *span)
{
  if (span->len == 1)
    return g_strdup_printf (_("digit %u"), span->start + 1);
  return g_strdup_printf (_("digits %u to %u"), span->start + 1, span->start + span->len);
}

static gboolean
is_digits (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
comptoir_scale_rule_validate (const ComptoirScaleRule *rule,
                              GError                 **error)
{
  Span spans[4];
  guint n_spans = 0;
  gsize prefix_len;

  g_return_val_if_fail (rule != NULL, FALSE);

  if (!is_digits (rule->prefix))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The prefix of a scale rule must be made of digits, for example 21 "
                     "for codes starting with 21. Enter the digits your scales print first."));
      return FALSE;
    }

  prefix_len = strlen (rule->prefix);
  /* Room must be left for at least an item code and a value. */
  if (prefix_len > N_BODY_DIGITS - 2)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The prefix “%s” of a scale rule is too long: it leaves no room for the "
                     "item code and the value. Use the first 1 to 3 digits of the codes."),
                   rule->prefix);
      return FALSE;
    }

  if (rule->kind != COMPTOIR_SCALE_WEIGHT && rule->kind != COMPTOIR_SCALE_PRICE)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The scale rule for prefix “%s” must say whether its codes carry a "
                     "weight or a price. Choose one."),
                   rule->prefix);
      return FALSE;
    }

  if (rule->kind == COMPTOIR_SCALE_WEIGHT && rule->decimals > 3)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The weight of the scale rule for prefix “%s” has %u decimal; a "
                                "weight in kilograms can have 0 to 3 (3 means grams). Set the "
                                "number of decimals your scales print.",
                                "The weight of the scale rule for prefix “%s” has %u decimals; a "
                                "weight in kilograms can have 0 to 3 (3 means grams). Set the "
                                "number of decimals your scales print.",
                                rule->decimals),
                   rule->prefix, rule->decimals);
      return FALSE;
    }

  if (rule->kind == COMPTOIR_SCALE_PRICE && rule->decimals > 2)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The price of the scale rule for prefix “%s” has %u decimal; a "
                                "price in euros can have 0 to 2 (2 means cents). Set the number "
                                "of decimals your scales print.",
                                "The price of the scale rule for prefix “%s” has %u decimals; a "
                                "price in euros can have 0 to 2 (2 means cents). Set the number "
                                "of decimals your scales print.",
                                rule->decimals),
                   rule->prefix, rule->decimals);
      return FALSE;
    }

  if (rule->item_len == 0 || rule->item_len > COMPTOIR_SCALE_ITEM_CODE_MAX)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The item code of the scale rule for prefix “%s” must be 1 to %d digits "
                     "long. Set the length of the item code your scales print."),
                   rule->prefix, COMPTOIR_SCALE_ITEM_CODE_MAX);
      return FALSE;
    }

  if (rule->value_len == 0)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The value of the scale rule for prefix “%s” must be at least 1 digit "
                     "long. Set the length of the weight or price your scales print."),
                   rule->prefix);
      return FALSE;
    }

  if (rule->has_price_check_digit && rule->value_len != 4 && rule->value_len != 5)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("A price check digit can only protect a value of 4 or 5 digits. Change "
                     "the length of the value of the scale rule for prefix “%s”, or remove its "
                     "price check digit."),
                   rule->prefix);
      return FALSE;
    }

  spans[n_spans++] = (Span) { N_("prefix"), 0, (guint) prefix_len };
  spans[n_spans++] = (Span) { N_("item code"), rule->item_start, rule->item_len };
  spans[n_spans++] = (Span) { N_("value"), rule->value_start, rule->value_len };
  if (rule->has_price_check_digit)
    spans[n_spans++] = (Span) { N_("price check digit"), rule->price_check_position, 1 };

  for (guint i = 1; i < n_spans; i++)
    {
      /* 64-bit sums: start and length may come from an edited file. */
      if ((guint64) spans[i].start + spans[i].len > N_BODY_DIGITS)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The %s of the scale rule for prefix “%s” goes past the 12th digit; "
                         "the 13th digit of a code is its check digit. Move it to the left or "
                         "make it shorter."),
                       _(spans[i].name), rule->prefix);
          return FALSE;
        }
    }

  for (guint i = 0; i < n_spans; i++)
    for (guint j = i + 1; j < n_spans; j++)
      {
        const Span *a = &spans[i];
        const Span *b = &spans[j];

        if (a->start < b->start + b->len && b->start < a->start + a->len)
          {
            g_autofree char *where_a = describe_span (a);
            g_autofree char *where_b = describe_span (b);

            g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                         _("In the scale rule for prefix “%s”, the %s (%s) and the %s (%s) "
                           "overlap. Change their positions so that each digit of the code "
                           "has one meaning."),
                         rule->prefix, _(a->name), where_a, _(b->name), where_b);
            return FALSE;
          }
      }

  return TRUE;
}

gboolean
comptoir_scale_rules_append (ComptoirScaleRules      *rules,
                             const ComptoirScaleRule *rule,
                             GError                 **error)
{
  ComptoirScaleRule copy;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!comptoir_scale_rule_validate (rule, error))
    return FALSE;

  /* First matching prefix wins: a rule behind a shorter or equal prefix
   * would never be used, which is certainly not what was meant. */
  for (guint i = 0; i < rules->rules->len; i++)
    {
      const ComptoirScaleRule *before = &g_array_index (rules->rules, ComptoirScaleRule, i);

      if (g_str_has_prefix (rule->prefix, before->prefix))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The scale rule for prefix “%s” would never be used: the rule for "
                         "prefix “%s” comes before it and already reads every code it would "
                         "read. Remove one of them, or put the longer prefix first."),
                       rule->prefix, before->prefix);
          return FALSE;
        }
    }

  copy = *rule;
  copy.prefix = g_strdup (rule->prefix);
  if (!copy.has_price_check_digit)
    copy.price_check_position = 0;
  g_array_append_val (rules->rules, copy);
  return TRUE;
}

/* Reading a code */

static gint64
parse_digits (const char *digits,
              guint       len)
{
  gint64 value = 0;

  for (guint i = 0; i < len; i++)
    value = value * 10 + (digits[i] - '0');
  return value;
}

static gint64
power_of_ten (guint n)
{
  gint64 p = 1;

  while (n-- > 0)
    p *= 10;
  return p;
}

static gboolean
read_with_rule (const ComptoirScaleRule *rule,
                guint                    index,
                const char              *code,
                ComptoirScaleReading    *out,
                GError                 **error)
{
  ComptoirScaleReading reading = { 0 };
  int expected;
  gint64 value;

  expected = comptoir_gtin_check_digit (code, N_BODY_DIGITS);
  if (expected != code[N_BODY_DIGITS] - '0')
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The scale label “%s” was misread or is damaged: its last digit should "
                     "be %d. Scan it again; if it still fails, weigh the item again and print a "
                     "new label."),
                   code, expected);
      return FALSE;
    }

  if (rule->has_price_check_digit)
    {
      expected = comptoir_price_check_digit (code + rule->value_start, rule->value_len);
      if (expected != code[rule->price_check_position] - '0')
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       rule->kind == COMPTOIR_SCALE_PRICE
                         ? _("The price on the scale label “%s” does not match its price check "
                             "digit (digit %u should be %d). Scan it again; if it still fails, "
                             "weigh the item again and print a new label.")
                         : _("The weight on the scale label “%s” does not match its check "
                             "digit (digit %u should be %d). Scan it again; if it still fails, "
                             "weigh the item again and print a new label."),
                       code, rule->price_check_position + 1, expected);
          return FALSE;
        }
    }

  value = parse_digits (code + rule->value_start, rule->value_len);
  reading.rule_index = index;
  reading.kind = rule->kind;

  if (rule->kind == COMPTOIR_SCALE_WEIGHT)
    {
      /* kg with d decimals → grams: × 10^(3 − d), exact since d ≤ 3. */
      reading.quantity_milli = value * power_of_ten (3 - rule->decimals);
      if (reading.quantity_milli == 0)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The scale label “%s” shows a weight of 0 g. Put the item on the "
                         "scales again and print a new label."),
                       code);
          return FALSE;
        }
    }
  else
    {
      /* euros with d decimals → cents: × 10^(2 − d), exact since d ≤ 2. */
      reading.price_cents = value * power_of_ten (2 - rule->decimals);
      if (reading.price_cents == 0)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The scale label “%s” shows a price of 0.00 €. Put the item on the "
                         "scales again and print a new label."),
                       code);
          return FALSE;
        }
    }

  memcpy (reading.item_code, code + rule->item_start, rule->item_len);
  reading.item_code[rule->item_len] = '\0';

  memcpy (reading.lookup_code, code, 13);
  reading.lookup_code[13] = '\0';
  memset (reading.lookup_code + rule->value_start, '0', rule->value_len);
  if (rule->has_price_check_digit)
    reading.lookup_code[rule->price_check_position] = '0';
  reading.lookup_code[N_BODY_DIGITS] = '0' + comptoir_gtin_check_digit (reading.lookup_code, N_BODY_DIGITS);

  *out = reading;
  return TRUE;
}

/* Reads a scanned code with the first rule whose prefix it starts with.
 * A 12-digit UPC-A is read as the EAN-13 it also is (a leading 0), as
 * comptoir_barcode_normalize() stores it. Returns FALSE without an error
 * when no rule applies (not 13 digits, or no prefix matches), FALSE with
 * an error when a rule applies but the code cannot be trusted. */
gboolean
comptoir_scale_rules_match (ComptoirScaleRules   *rules,
                            const char           *ean13,
                            ComptoirScaleReading *out,
                            GError              **error)
{
  char code[14];
  gsize len;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (ean13 == NULL || !is_digits (ean13))
    return FALSE;

  len = strlen (ean13);
  if (len == 13)
    memcpy (code, ean13, 14);
  else if (len == 12)
    {
      code[0] = '0';
      memcpy (code + 1, ean13, 13);
    }
  else
    return FALSE;

  for (guint i = 0; i < rules->rules->len; i++)
    {
      const ComptoirScaleRule *rule = &g_array_index (rules->rules, ComptoirScaleRule, i);

      if (g_str_has_prefix (code, rule->prefix))
        return read_with_rule (rule, i, code, out, error);
    }

  return FALSE;
}

/* JSON: an array of objects, one per rule, in order:
 *   [ { "prefix": "21", "kind": "weight", "item_start": 2, "item_len": 5,
 *       "value_start": 7, "value_len": 5, "decimals": 3,
 *       "price_check_position": 6 },   ← only with a price check digit
 *     … ]
 * Positions count from 0, as in ComptoirScaleRule. */

char *
comptoir_scale_rules_to_json (ComptoirScaleRules *rules)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (rules != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < rules->rules->len; i++)
    {
      const ComptoirScaleRule *rule = &g_array_index (rules->rules, ComptoirScaleRule, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "prefix");
      json_builder_add_string_value (builder, rule->prefix);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, rule->kind == COMPTOIR_SCALE_WEIGHT ? "weight" : "price");
      json_builder_set_member_name (builder, "item_start");
      json_builder_add_int_value (builder, rule->item_start);
      json_builder_set_member_name (builder, "item_len");
      json_builder_add_int_value (builder, rule->item_len);
      json_builder_set_member_name (builder, "value_start");
      json_builder_add_int_value (builder, rule->value_start);
      json_builder_set_member_name (builder, "value_len");
      json_builder_add_int_value (builder, rule->value_len);
      json_builder_set_member_name (builder, "decimals");
      json_builder_add_int_value (builder, rule->decimals);
      if (rule->has_price_check_digit)
        {
          json_builder_set_member_name (builder, "price_check_position");
          json_builder_add_int_value (builder, rule->price_check_position);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static gboolean
get_position (JsonObject *object,
              guint       number,
              const char *member,
              gboolean    required,
              gboolean   *present,
              guint      *out,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (present != NULL)
    *present = FALSE;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!required)
        return TRUE;
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("Scale rule %u has no “%s”. Add it, or restore the default scale rules."),
                   number, member);
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("In scale rule %u, “%s” must be a whole number. Correct it, or restore "
                     "the default scale rules."),
                   number, member);
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < 0 || value > N_BODY_DIGITS)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("In scale rule %u, “%s” does not fit in a 13-digit code: positions, "
                     "lengths and decimals go from 0 to 12. Correct it, or restore the default "
                     "scale rules."),
                   number, member);
      return FALSE;
    }

  if (present != NULL)
    *present = TRUE;
  *out = (guint) value;
  return TRUE;
}

ComptoirScaleRules *
comptoir_scale_rules_new_from_json (const char  *json,
                                    GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (ComptoirScaleRules) rules = comptoir_scale_rules_new ();
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;
  JsonArray *array;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &local_error)
      || json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The scale rules cannot be read (%s). Correct them, or restore the "
                     "default scale rules."),
                   local_error != NULL ? local_error->message : _("the text is empty"));
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                   _("The scale rules must be a list of rules. Correct them, or restore the "
                     "default scale rules."));
      return NULL;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      ComptoirScaleRule rule = { 0 };
      JsonObject *object;
      JsonNode *member;
      const char *kind;
      guint number = i + 1;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Scale rule %u is not a rule with a prefix, positions and a kind. "
                         "Correct it, or restore the default scale rules."),
                       number);
          return NULL;
        }
      object = json_node_get_object (node);

      member = json_object_get_member (object, "prefix");
      if (member == NULL || !JSON_NODE_HOLDS_VALUE (member)
          || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("Scale rule %u has no prefix, such as \"21\". Add it, or restore the "
                         "default scale rules."),
                       number);
          return NULL;
        }
      rule.prefix = json_node_get_string (member);

      member = json_object_get_member (object, "kind");
      kind = (member != NULL && JSON_NODE_HOLDS_VALUE (member)
              && json_node_get_value_type (member) == G_TYPE_STRING)
               ? json_node_get_string (member) : NULL;
      if (g_strcmp0 (kind, "weight") == 0)
        rule.kind = COMPTOIR_SCALE_WEIGHT;
      else if (g_strcmp0 (kind, "price") == 0)
        rule.kind = COMPTOIR_SCALE_PRICE;
      else
        {
          g_set_error (error, COMPTOIR_DB_ERROR, COMPTOIR_DB_ERROR_INVALID,
                       _("The “kind” of scale rule %u must be \"weight\" or \"price\". "
                         "Correct it, or restore the default scale rules."),
                       number);
          return NULL;
        }

      if (!get_position (object, number, "item_start", TRUE, NULL, &rule.item_start, error)
          || !get_position (object, number, "item_len", TRUE, NULL, &rule.item_len, error)
          || !get_position (object, number, "value_start", TRUE, NULL, &rule.value_start, error)
          || !get_position (object, number, "value_len", TRUE, NULL, &rule.value_len, error)
          || !get_position (object, number, "decimals", TRUE, NULL, &rule.decimals, error)
          || !get_position (object, number, "price_check_position", FALSE,
                            &rule.has_price_check_digit, &rule.price_check_position, error))
        return NULL;

      if (!comptoir_scale_rules_append (rules, &rule, error))
        return NULL;
    }

  return g_steal_pointer (&rules);
}
