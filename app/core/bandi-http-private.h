/* bandi-http-private.h — what bandi-http.c shares with its parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bandi-http.h"

G_BEGIN_DECLS

/* Called at each restart of @msg: when it now points to another origin
 * than that of its credentials (bandi_http_message_set_credentials()), the
 * error that ends the exchange; else %NULL. */
GError *bandi_http_check_redirect_origin (SoupMessage *msg);

G_END_DECLS
