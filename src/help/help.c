/*
 * help.c - the support desk's vocabulary (types, statuses, urgencies,
 * channels and their labels), the statuses' graph and volunteers' signed
 * task links (phone numbers: phone.c).  Touches no table.
 */
#include "help/help.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "http/token.h"

const char *const help_types[] = { "medicines", "groceries", "meals", "errand",
                                   "medical", "psych", NULL };
const char *const help_type_labels[] = {
	"help.type.medicines", "help.type.groceries", "help.type.meals",
	"help.type.errand", "help.type.medical", "help.type.psych", NULL };
const char *const help_statuses[] = { "new", "assigned", "in_progress", "done",
                                      "cancelled", "unreachable", NULL };
const char *const help_status_labels[] = {
	"help.status.new", "help.status.assigned", "help.status.in_progress",
	"help.status.done", "help.status.cancelled", "help.status.unreachable", NULL };
const char *const help_urgencies[] = { "low", "normal", "urgent", NULL };
const char *const help_urgency_labels[] = {
	"help.urgency.low", "help.urgency.normal", "help.urgency.urgent", NULL };
const char *const help_channels[] = { "phone", "web", "walkin", NULL };
const char *const help_channel_labels[] = {
	"help.channel.phone", "help.channel.web", "help.channel.walkin", NULL };
const char *const help_errands[] = { "bills", "post", "other", NULL };
const char *const help_errand_labels[] = {
	"help.errand.bills", "help.errand.post", "help.errand.other", NULL };
const char *const help_vulnerabilities[] = { "elderly_alone", "disability", "chronic",
                                             "quarantine", "mobility", "other", NULL };
const char *const help_vulnerability_labels[] = {
	"help.vuln.elderly_alone", "help.vuln.disability", "help.vuln.chronic",
	"help.vuln.quarantine", "help.vuln.mobility", "help.vuln.other", NULL };

int help_index(const char *const *list, const char *s)
{
	for (int i = 0; s != NULL && list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

const char *help_label(const char *const *list, const char *const *labels,
                       const char *s)
{
	int i = help_index(list, s);
	return i < 0 ? "help.unknown" : labels[i];
}

int help_type_professional(const char *type)
{
	return help_type_kind(type) != NULL;
}

const char *help_type_kind(const char *type)
{
	if (type != NULL && strcmp(type, "medical") == 0)
		return "doctor";
	if (type != NULL && strcmp(type, "psych") == 0)
		return "psychologist";
	return NULL;
}

int help_status_open(const char *status)
{
	int i = help_index(help_statuses, status);
	return i == HS_NEW || i == HS_ASSIGNED || i == HS_IN_PROGRESS;
}

int help_status_next(const char *from, const char *to)
{
	int f = help_index(help_statuses, from), t = help_index(help_statuses, to);
	if (f < 0 || t < 0 || f == t)
		return 0;
	if (!help_status_open(from))
		return t == HS_NEW; /* reopened */
	switch (t) {
	case HS_NEW:
		return f == HS_ASSIGNED || f == HS_IN_PROGRESS; /* taken back */
	case HS_ASSIGNED:
		return f == HS_NEW || f == HS_IN_PROGRESS;
	case HS_IN_PROGRESS:
		return f == HS_ASSIGNED || f == HS_NEW;
	default: /* done, cancelled, could not reach */
		return 1;
	}
}

const char *help_wanted_default(struct arena *a, const char *urgency)
{
	long hours = 24;
	if (urgency != NULL && strcmp(urgency, "urgent") == 0)
		hours = 4;
	else if (urgency != NULL && strcmp(urgency, "low") == 0)
		hours = 72;
	time_t t = time(NULL) + hours * 3600;
	struct tm tm;
	localtime_r(&t, &tm);
	char out[20];
	strftime(out, sizeof(out), "%Y-%m-%d %H:%M:00", &tm);
	return arena_strdup(a, out);
}

const char *help_dt_input(struct arena *a, const char *dt)
{
	if (dt == NULL || strlen(dt) < 16)
		return "";
	char *o = arena_strndup(a, dt, 16);
	o[10] = 'T';
	return o;
}

const char *help_task_sig(struct arena *a, unsigned long long case_id,
                          unsigned long long user_id)
{
	char subj[48];
	snprintf(subj, sizeof(subj), "%llu:%llu", case_id, user_id);
	return forms_sign(a, "help-task", subj);
}

int help_task_sig_ok(unsigned long long case_id, unsigned long long user_id,
                     const char *sig)
{
	char subj[48];
	snprintf(subj, sizeof(subj), "%llu:%llu", case_id, user_id);
	return sig != NULL && forms_sign_valid(sig, "help-task", subj);
}
