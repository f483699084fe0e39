/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The single public header of the core library. */

#include "comptoir-error.h"
#include "comptoir-barcode.h"
#include "comptoir-catalog.h"
#include "comptoir-change.h"
#include "comptoir-db.h"
#include "comptoir-demo.h"
#include "comptoir-fiscal.h"
#include "comptoir-gs1.h"
#include "comptoir-id.h"
#include "comptoir-keyboard-scan.h"
#include "comptoir-money.h"
#include "comptoir-open-ticket.h"
#include "comptoir-product.h"
#include "comptoir-product-import.h"
#include "comptoir-product-list.h"
#include "comptoir-quantity.h"
#include "comptoir-sale.h"
#include "comptoir-scale-rules.h"
#include "comptoir-scan.h"
#include "comptoir-settings.h"
#include "comptoir-text.h"
#include "comptoir-till-session.h"
