/* test-lombardia-parser.c — the dataset rows, the call pages, the dates and
 * the page cache of the lombardia plugin, without HTTP
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bandi-lombardia-cache.h"
#include "bandi-lombardia-dataset.h"
#include "bandi-lombardia-page.h"
#include "lombardia-test-server.h"

/* The dataset */

static void
test_query (void)
{
  g_autofree char *where = bandi_lombardia_query_where ("2026-11-23");
  g_autofree char *uri = NULL;
  g_autofree char *with_token = NULL;
  g_autoptr(GHashTable) params = NULL;
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (where, ==,
                   "chiusura_adesione >= '2026-11-23T00:00:00' OR chiusura_adesione IS NULL");

  uri = bandi_lombardia_query_uri ("https://www.dati.lombardia.it/resource/bukx-h2uy.json",
                                   "2026-11-23", 2000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri, ==,
                   "https://www.dati.lombardia.it/resource/bukx-h2uy.json"
                   "?$where=chiusura_adesione%20%3E%3D%20%272026-11-23T00%3A00%3A00%27%20OR%20"
                   "chiusura_adesione%20IS%20NULL&$order=chiusura_adesione%2Ccodice_bando"
                   "&$limit=1000&$offset=2000");

  /* an app token already in the endpoint is kept */
  with_token = bandi_lombardia_query_uri ("https://www.dati.lombardia.it/resource/bukx-h2uy.json?$$app_token=abc",
                                          "2026-11-23", 0, &error);
  g_assert_no_error (error);
  parsed = g_uri_parse (with_token, G_URI_FLAGS_ENCODED, &error);
  g_assert_no_error (error);
  params = g_uri_parse_params (g_uri_get_query (parsed), -1, "&", G_URI_PARAMS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (params, "$$app_token"), ==, "abc");
  g_assert_cmpstr (g_hash_table_lookup (params, "$where"), ==, where);
  g_assert_cmpstr (g_hash_table_lookup (params, "$offset"), ==, "0");

  g_assert_null (bandi_lombardia_query_uri ("bukx-h2uy.json", "2026-11-23", 0, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_CONFIG);
}

static GPtrArray *
parse (const char *json,
       guint      *n_records,
       GPtrArray  *skipped,
       GError    **error)
{
  return bandi_lombardia_parse_rows (json, strlen (json), n_records, skipped, error);
}

static void
test_rows (void)
{
  g_autofree char *page = lt_read_data ("dataset-page-1.json", NULL);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  BandiLombardiaRow *row;
  guint n = 0;
  GDate date;

  rows = parse (page, &n, skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "codice_bando"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "Bando senza codice"));

  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->codice, ==, "RLO12031000001");
  g_assert_cmpstr (row->ente, ==, "Regione Lombardia");
  g_assert_cmpstr (row->strumento, ==, "Bando");
  g_assert_true (bandi_lombardia_row_get_closing (row, &date));
  g_assert_cmpint (g_date_get_year (&date), ==, 2036);
  g_assert_cmpint (g_date_get_month (&date), ==, 9);
  g_assert_cmpint (g_date_get_day (&date), ==, 8);

  /* no closing date: until funds run out */
  row = g_ptr_array_index (rows, 1);
  g_assert_null (row->chiusura);
  g_assert_false (bandi_lombardia_row_get_closing (row, &date));
  g_assert_true (bandi_lombardia_row_get_opening (row, &date));
}

static void
test_rows_odd (void)
{
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  /* not a record; an unreadable closing date; a number as a code; null and
   * blank fields */
  rows = parse ("[ 42,"
                "  {\"codice_bando\": \"RLO1\", \"chiusura_adesione\": \"07/09/2026\"},"
                "  {\"codice_bando\": 12345, \"titolo_bando\": null, \"ente\": \"  \","
                "   \"chiusura_adesione\": \"2036-02-30T00:00:00.000\"},"
                "  {\"codice_bando\": 67890, \"titolo_bando\": \" Ricerca \","
                "   \"chiusura_adesione\": \"2036-02-28\"} ]",
                &n, skipped, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((BandiLombardiaRow *) g_ptr_array_index (rows, 0))->codice, ==, "67890");
  g_assert_cmpstr (((BandiLombardiaRow *) g_ptr_array_index (rows, 0))->titolo, ==, "Ricerca");
  g_assert_null (((BandiLombardiaRow *) g_ptr_array_index (rows, 0))->ente);
  g_assert_cmpuint (skipped->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 1), "07/09/2026"));
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 2), "2036-02-30"));
}

static void
test_rows_malformed (void)
{
  g_autofree char *malformed = lt_read_data ("malformed.json", NULL);
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_null (parse (malformed, &n, skipped, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* SODA's own errors come as an object */
  g_assert_null (parse ("{\"code\": \"query.compiler.malformed\", \"error\": true}", &n, skipped, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "object"));
  g_clear_error (&error);

  g_assert_null (parse ("", &n, skipped, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (skipped->len, ==, 0);
}

static void
test_research (void)
{
  static const struct {
    const char *direzione;
    const char *strumento;
    const char *titolo;
    gboolean    research;
  } cases[] = {
    { "UNIVERSITA', RICERCA E INNOVAZIONE", "Bando", "Voucher", TRUE },
    { "UNIVERSITÀ, RICERCA E INNOVAZIONE", NULL, NULL, TRUE },
    { "ISTRUZIONE, UNIVERSITÀ, RICERCA, INNOVAZIONE E SEMPLIFICAZIONE", "Bando", "Premio", TRUE },
    { "SVILUPPO ECONOMICO", "Bando", "Tecnologie strategiche per le filiere lombarde", TRUE },
    { "SVILUPPO ECONOMICO", "Bando", "Collabora&Innova", TRUE },
    { "SVILUPPO ECONOMICO", "Bando", "Contributi per la riqualificazione dei negozi storici", FALSE },
    { "AMBIENTE E CLIMA", "Bando", "Impianti a fonti rinnovabili", FALSE },
    { "AGRICOLTURA", "Misura PSR", "Innovazione nelle filiere agroalimentari", TRUE },
    /* an unknown instrument is judged like a Bando */
    { "SVILUPPO ECONOMICO", "Manifestazione di interesse", "Partenariati di innovazione aperta", TRUE },
    { "SVILUPPO ECONOMICO", "Manifestazione di interesse", "Temporary shop", FALSE },
    /* staff competitions never */
    { "UNIVERSITA', RICERCA E INNOVAZIONE", "Concorsi Pubblici e Avvisi sul Personale",
      "Concorso per ricercatori", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BandiLombardiaRow row = {
        .codice = (char *) "RLO1",
        .direzione = (char *) cases[i].direzione,
        .strumento = (char *) cases[i].strumento,
        .titolo = (char *) cases[i].titolo,
      };

      g_test_message ("%s / %s / %s", cases[i].direzione, cases[i].strumento, cases[i].titolo);
      g_assert_cmpint (bandi_lombardia_row_is_research (&row), ==, cases[i].research);
    }
}

static void
test_page_url_fingerprint (void)
{
  BandiLombardiaRow row = { .codice = (char *) "RLO12026055023", .chiusura = (char *) "2026-09-07T00:00:00.000" };
  g_autofree char *url = bandi_lombardia_page_url ("https://www.bandi.regione.lombardia.it/", "RLO12026055023");
  g_autofree char *odd = bandi_lombardia_page_url ("http://127.0.0.1:8080", "A B/C");
  g_autofree char *before = bandi_lombardia_row_fingerprint (&row, url);
  g_autofree char *again = bandi_lombardia_row_fingerprint (&row, url);
  g_autofree char *after = NULL;
  g_autofree char *elsewhere = bandi_lombardia_row_fingerprint (&row, odd);

  g_assert_cmpstr (url, ==,
                   "https://www.bandi.regione.lombardia.it/servizi/servizio/bandi/dettaglio/RLO12026055023");
  g_assert_cmpstr (odd, ==, "http://127.0.0.1:8080/servizi/servizio/bandi/dettaglio/A%20B%2FC");

  g_assert_cmpstr (before, ==, again);
  g_assert_cmpstr (before, !=, elsewhere);
  row.chiusura = (char *) "2026-09-14T00:00:00.000";
  after = bandi_lombardia_row_fingerprint (&row, url);
  g_assert_cmpstr (before, !=, after);
}

/* The pages */

static void
parse_page_file (const char         *codice,
                 BandiLombardiaPage *page)
{
  g_autofree char *name = g_strdup_printf ("page-%s.html", codice);
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  gsize length;

  html = lt_read_data (name, &length);
  g_assert_true (bandi_lombardia_parse_page (html, length, page, &error));
  g_assert_no_error (error);
}

static void
assert_page (const BandiLombardiaPage *page,
             BandiCallStatus           status,
             int                       year,
             int                       month,
             int                       day,
             int                       hour,
             int                       minute)
{
  g_assert_cmpint (page->status, ==, status);
  g_assert_cmpint (page->has_date, ==, year > 0);
  if (year > 0)
    {
      g_assert_cmpint (page->year, ==, year);
      g_assert_cmpint (page->month, ==, month);
      g_assert_cmpint (page->day, ==, day);
    }
  g_assert_cmpint (page->has_time, ==, hour >= 0);
  if (hour >= 0)
    {
      g_assert_cmpint (page->hour, ==, hour);
      g_assert_cmpint (page->minute, ==, minute);
    }
}

static void
test_pages (void)
{
  BandiLombardiaPage page;

  parse_page_file ("RLO12031000001", &page);
  assert_page (&page, BANDI_CALL_STATUS_OPEN, 2036, 9, 8, 12, 0);
  parse_page_file ("RLO12031000002", &page);
  assert_page (&page, BANDI_CALL_STATUS_OPEN, 0, 0, 0, -1, 0);
  parse_page_file ("RLO12031000003", &page);
  assert_page (&page, BANDI_CALL_STATUS_OPEN, 2036, 2, 17, 16, 0);
  parse_page_file ("RLO12031000005", &page);
  assert_page (&page, BANDI_CALL_STATUS_OPEN, 2036, 6, 30, 17, 0);
  parse_page_file ("RLO12031000007", &page);
  assert_page (&page, BANDI_CALL_STATUS_FORTHCOMING, 2036, 4, 30, 12, 0);
}

static gboolean
parse_html (const char         *html,
            BandiLombardiaPage *page,
            GError            **error)
{
  return bandi_lombardia_parse_page (html, strlen (html), page, error);
}

static void
test_page_cases (void)
{
  BandiLombardiaPage page;
  g_autoptr(GError) error = NULL;

  /* checkCloseDate wins over the text */
  g_assert_true (parse_html ("<p>Scade il: 07/09/2026, ore 12:00</p>"
                             "<input value='2026-09-14 17:30' type=hidden name=checkCloseDate>",
                             &page, &error));
  assert_page (&page, BANDI_CALL_STATUS_UNKNOWN, 2026, 9, 14, 17, 30);

  /* an impossible checkCloseDate falls back to the text */
  g_assert_true (parse_html ("<input type=\"hidden\" class=\"checkCloseDate\" value=\"2026-02-30 12:00\">"
                             "<div>Scade il 7/9/2026 alle ore 9.30</div>",
                             &page, &error));
  assert_page (&page, BANDI_CALL_STATUS_UNKNOWN, 2026, 9, 7, 9, 30);

  /* a date without a time */
  g_assert_true (parse_html ("<div class=\"chip\"><span class=\"chip-label\">Chiuso</span></div>"
                             "<p>Scade il: 07/09/2026</p>", &page, &error));
  assert_page (&page, BANDI_CALL_STATUS_CLOSED, 2026, 9, 7, -1, 0);

  /* a time that cannot be: the day stays */
  g_assert_true (parse_html ("<p>Scade il: 07/09/2026, ore 25:00</p>", &page, &error));
  assert_page (&page, BANDI_CALL_STATUS_UNKNOWN, 2026, 9, 7, -1, 0);

  /* the text is read as text: tags and entities inside it do not matter,
   * scripts are not read */
  g_assert_true (parse_html ("<script>var s = 'Scade il: 01/01/2000, ore 10:00';</script>"
                             "<p><b>Scade&nbsp;il</b>:&#32;<span>07/09/2026</span>, ore&nbsp;12:00</p>",
                             &page, &error));
  assert_page (&page, BANDI_CALL_STATUS_UNKNOWN, 2026, 9, 7, 12, 0);

  /* the portal's error page */
  g_assert_false (parse_html ("<html><head><title>Errore - Bandi Online</title></head>"
                              "<body>Scade il: 07/09/2026, ore 12:00</body></html>", &page, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* nothing to read */
  g_assert_false (parse_html ("<html><body><p>Manutenzione in corso</p></body></html>", &page, &error));
  g_assert_error (error, BANDI_SOURCE_ERROR, BANDI_SOURCE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* not UTF-8 */
  g_assert_true (parse_html ("<p>Citt\xe0 \xff Scade il: 07/09/2026, ore 12:00</p>", &page, &error));
  assert_page (&page, BANDI_CALL_STATUS_UNKNOWN, 2026, 9, 7, 12, 0);
}

/* The dates */

static BandiLombardiaRow *
make_row (const char *apertura,
          const char *chiusura)
{
  BandiLombardiaRow *row = g_new0 (BandiLombardiaRow, 1);

  row->codice = g_strdup ("RLO12026055023");
  row->titolo = g_strdup ("Collabora&Innova");
  row->apertura = g_strdup (apertura);
  row->chiusura = g_strdup (chiusura);

  return row;
}

static BandiDeadline *
only_deadline (BandiCall *call)
{
  GPtrArray *deadlines = bandi_call_get_deadlines (call);

  g_assert_cmpuint (deadlines->len, ==, 1);
  return g_ptr_array_index (deadlines, 0);
}

#define JUNE_2026 1780272000    /* 2026-06-01T00:00:00Z */
#define JULY_2026 1782864000    /* 2026-07-01T00:00:00Z */
#define NOV_2026  1794873600    /* 2026-11-17T00:00:00Z */

static void
test_apply_dates (void)
{
  g_autoptr(BandiLombardiaRow) row = make_row ("2026-06-03T00:00:00.000", "2026-09-07T00:00:00.000");
  g_autoptr(BandiCall) call = bandi_lombardia_row_to_call (row, "https://example.org/x");
  g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 ("2026-09-07T12:00:00+02:00", NULL);
  BandiLombardiaPage page = {
    .status = BANDI_CALL_STATUS_OPEN,
    .has_date = TRUE, .year = 2026, .month = 9, .day = 7,
    .has_time = TRUE, .hour = 12, .minute = 0,
  };
  BandiDeadline *deadline;
  g_autofree char *at = NULL;
  g_autofree char *date = NULL;

  /* "Scade il: 07/09/2026, ore 12:00" is 12:00 in Rome, 10:00 UTC; the
   * page says open before the dataset's opening day */
  g_assert_cmpint (bandi_lombardia_apply_dates (call, row, &page, JUNE_2026), ==,
                   BANDI_LOMBARDIA_DATES_AGREE);
  deadline = only_deadline (call);
  at = bandi_deadline_format_rfc3339 (deadline);
  g_assert_cmpstr (at, ==, "2026-09-07T12:00:00+02:00");
  g_assert_cmpstr (bandi_deadline_get_zone (deadline), ==, "Europe/Rome");
  g_assert_cmpint (bandi_deadline_to_unix (deadline), ==, 1788775200);
  g_assert_cmpint (bandi_deadline_to_unix (deadline), ==, g_date_time_to_unix (expected));
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);

  /* past the deadline: closed whatever the page said */
  bandi_lombardia_apply_dates (call, row, &page, NOV_2026);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);

  /* a proroga */
  page.day = 21;
  g_assert_cmpint (bandi_lombardia_apply_dates (call, row, &page, JUNE_2026), ==,
                   BANDI_LOMBARDIA_DATES_EXTENDED);
  g_assert_cmpstr (bandi_deadline_get_label (only_deadline (call)), ==, "Closing date (extended)");
  page.day = 1;
  g_assert_cmpint (bandi_lombardia_apply_dates (call, row, &page, JUNE_2026), ==,
                   BANDI_LOMBARDIA_DATES_EARLIER);

  /* no page: the dataset's day, without a time */
  bandi_lombardia_apply_dates (call, row, NULL, JULY_2026);
  deadline = only_deadline (call);
  g_assert_false (bandi_deadline_has_time (deadline));
  date = bandi_deadline_format_date (deadline);
  g_assert_cmpstr (date, ==, "2026-09-07");
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);

  /* before the opening day: forthcoming, unless the page already says open */
  bandi_lombardia_apply_dates (call, row, NULL, JUNE_2026);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_FORTHCOMING);
}

static void
test_apply_no_closing (void)
{
  g_autoptr(BandiLombardiaRow) row = make_row ("2026-02-16T00:00:00.000", NULL);
  g_autoptr(BandiCall) call = bandi_lombardia_row_to_call (row, "https://example.org/x");
  BandiLombardiaPage page = { .status = BANDI_CALL_STATUS_CLOSED };

  /* until funds run out: no deadline at all, open */
  bandi_lombardia_apply_dates (call, row, NULL, NOV_2026);
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 0);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_OPEN);

  /* ... until the page says the funds ran out */
  bandi_lombardia_apply_dates (call, row, &page, NOV_2026);
  g_assert_cmpuint (bandi_call_get_deadlines (call)->len, ==, 0);
  g_assert_cmpint (bandi_call_get_status (call), ==, BANDI_CALL_STATUS_CLOSED);
}

/* The cache */

#define NOW   G_GINT64_CONSTANT (1795000000)
#define DAY   (24 * 60 * 60)
#define MISS  BANDI_LOMBARDIA_CACHE_MISS
#define STALE BANDI_LOMBARDIA_CACHE_STALE
#define FRESH BANDI_LOMBARDIA_CACHE_FRESH

static void
test_cache (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "bandi", "lombardia-pages.json", NULL);
  g_autofree char *default_path = bandi_lombardia_cache_default_path ();
  g_autoptr(BandiLombardiaCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  BandiLombardiaPage timed = {
    .status = BANDI_CALL_STATUS_OPEN,
    .has_date = TRUE, .year = 2026, .month = 9, .day = 7,
    .has_time = TRUE, .hour = 12, .minute = 0,
  };
  BandiLombardiaPage no_date = { .status = BANDI_CALL_STATUS_FORTHCOMING };
  BandiLombardiaPage got;

  g_assert_cmpstr (default_path, ==, path);

  cache = bandi_lombardia_cache_load (path);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "A", "fa", NOW, DAY, &got), ==, MISS);
  bandi_lombardia_cache_store (cache, "A", "fa", NOW, &timed);
  bandi_lombardia_cache_store (cache, "B", "fb", NOW - DAY + 1, &no_date);
  bandi_lombardia_cache_store (cache, "C", "fc", NOW, &timed);
  g_assert_true (bandi_lombardia_cache_save (cache, &error));
  g_assert_no_error (error);
  g_clear_pointer (&cache, bandi_lombardia_cache_free);

  cache = bandi_lombardia_cache_load (path);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "A", "fa", NOW, DAY, &got), ==, FRESH);
  g_assert_cmpmem (&got, sizeof got, &timed, sizeof timed);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "B", "fb", NOW, DAY, &got), ==, FRESH);
  g_assert_cmpmem (&got, sizeof got, &no_date, sizeof no_date);
  /* the row changed */
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "C", "fc2", NOW, DAY, &got), ==, MISS);

  /* read a day ago or more: the page is to be read again, what it said
   * meanwhile stands */
  memset (&got, 0, sizeof got);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "B", "fb", NOW + 1, DAY, &got), ==, STALE);
  g_assert_cmpmem (&got, sizeof got, &no_date, sizeof no_date);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "A", "fa", NOW + DAY - 1, DAY, &got), ==, FRESH);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "A", "fa", NOW + DAY, DAY, &got), ==, STALE);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "A", "fa", NOW, 0, &got), ==, STALE);
  /* read "in the future": the clock moved back, nothing to trust */
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "A", "fa", NOW - 1, DAY, &got), ==, STALE);

  /* only what is kept or stored survives the next save; kept, an entry
   * keeps its reading time */
  bandi_lombardia_cache_keep (cache, "B");
  g_assert_true (bandi_lombardia_cache_save (cache, &error));
  g_clear_pointer (&cache, bandi_lombardia_cache_free);
  cache = bandi_lombardia_cache_load (path);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "A", "fa", NOW, DAY, &got), ==, MISS);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "B", "fb", NOW, DAY, &got), ==, FRESH);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "B", "fb", NOW + 1, DAY, &got), ==, STALE);
  g_clear_pointer (&cache, bandi_lombardia_cache_free);

  /* an entry without a reading time, from before they were recorded, is stale */
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"pages\": {\"B\": {\"row\": \"fb\", "
                                      "\"status\": \"open\", \"date\": \"2026-09-07\"}}}", -1, NULL));
  cache = bandi_lombardia_cache_load (path);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "B", "fb", NOW, DAY, &got), ==, STALE);
  g_assert_true (got.has_date);
  g_assert_cmpint (got.day, ==, 7);
  g_clear_pointer (&cache, bandi_lombardia_cache_free);

  /* a damaged file is an empty cache */
  g_assert_true (g_file_set_contents (path, "{\"version\": 1, \"pages\": {\"B\": {\"row\": \"fb\", "
                                      "\"status\": \"open\", \"date\": \"2026-13-40\"}}}", -1, NULL));
  cache = bandi_lombardia_cache_load (path);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "B", "fb", NOW, DAY, &got), ==, MISS);
  g_clear_pointer (&cache, bandi_lombardia_cache_free);
  g_assert_true (g_file_set_contents (path, "not json", -1, NULL));
  cache = bandi_lombardia_cache_load (path);
  g_assert_cmpint (bandi_lombardia_cache_lookup (cache, "B", "fb", NOW, DAY, &got), ==, MISS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/lombardia/dataset/query", test_query);
  g_test_add_func ("/lombardia/dataset/rows", test_rows);
  g_test_add_func ("/lombardia/dataset/rows-odd", test_rows_odd);
  g_test_add_func ("/lombardia/dataset/malformed", test_rows_malformed);
  g_test_add_func ("/lombardia/dataset/research", test_research);
  g_test_add_func ("/lombardia/dataset/page-url", test_page_url_fingerprint);
  g_test_add_func ("/lombardia/page/fixtures", test_pages);
  g_test_add_func ("/lombardia/page/cases", test_page_cases);
  g_test_add_func ("/lombardia/dates/timed", test_apply_dates);
  g_test_add_func ("/lombardia/dates/no-closing", test_apply_no_closing);
  g_test_add_func ("/lombardia/cache", test_cache);

  return g_test_run ();
}
