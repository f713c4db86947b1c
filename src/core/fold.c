/*
 * fold.c - folding of single code points (see fold.h).
 */
#include "core/fold.h"

#include <stddef.h>

unsigned fold_char(unsigned c, int *diaeresis)
{
	if (diaeresis != NULL)
		*diaeresis = 0;
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')
		return c;
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c < 0x80)
		return FOLD_NOT_WORD;
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 0x20;
	if (c >= 0x3B1 && c <= 0x3C9)
		return c == 0x3C2 ? 0x3C3 : c;
	switch (c) {
	case 0x386: case 0x3AC: return 0x3B1; /* ά */
	case 0x388: case 0x3AD: return 0x3B5; /* έ */
	case 0x389: case 0x3AE: return 0x3B7; /* ή */
	case 0x38A: case 0x3AF: return 0x3B9; /* ί */
	case 0x38C: case 0x3CC: return 0x3BF; /* ό */
	case 0x38E: case 0x3CD: return 0x3C5; /* ύ */
	case 0x38F: case 0x3CE: return 0x3C9; /* ώ */
	case 0x390: case 0x3AA: case 0x3CA:   /* ϊ ΐ */
		if (diaeresis != NULL)
			*diaeresis = 1;
		return 0x3B9;
	case 0x3B0: case 0x3AB: case 0x3CB:   /* ϋ ΰ */
		if (diaeresis != NULL)
			*diaeresis = 1;
		return 0x3C5;
	case 0x374: case 0x375: case 0x37E: case 0x387: case 0x384: case 0x385:
		return FOLD_NOT_WORD;         /* numeral signs, ; · and spacing accents */
	case 0xD7: case 0xF7:
		return FOLD_NOT_WORD;         /* × ÷ */
	}
	if (c >= 0xC0 && c <= 0xFF) {
		static const char l1[] = "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
		                         "aaaaaaaceeeeiiiidnooooo_ouuuuyty";
		return (unsigned char)l1[c - 0xC0];
	}
	if (c >= 0x300 && c <= 0x36F)
		return FOLD_IGNORABLE;
	if (c < 0xC0 || (c >= 0x2000 && c <= 0x2BFF) ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xE000 && c <= 0xF8FF) ||
	    (c >= 0xFE00 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF20) ||
	    c >= 0x1F000)
		return FOLD_NOT_WORD;
	return c;
}
