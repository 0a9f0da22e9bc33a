// Debian's libxml2 is built with ICU, so <libxml/encoding.h> pulls in the system
// <unicode/ucnv.h>. Foundation on Linux carries its own ICU headers, and clang refuses
// both in one Swift module. zorgledger never touches the ICU-only fields of
// xmlCharEncodingHandler, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
