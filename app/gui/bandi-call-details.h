/* bandi-call-details.h — every field of one call, its star and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bandi-context.h"

G_BEGIN_DECLS

#define BANDI_TYPE_CALL_DETAILS (bandi_call_details_get_type ())
G_DECLARE_FINAL_TYPE (BandiCallDetails, bandi_call_details, BANDI, CALL_DETAILS, GtkWidget)

/* The details of calls of @context, which follow its changes. */
BandiCallDetails *bandi_call_details_new          (BandiContext     *context);
void              bandi_call_details_set_call     (BandiCallDetails *self,
                                                   BandiCall        *call);
BandiCall        *bandi_call_details_get_call     (BandiCallDetails *self);
/* Saves a note still being typed. */
void              bandi_call_details_flush        (BandiCallDetails *self);

G_END_DECLS
