package io.calendargateway.directory;

/**
 * What a mailbox found by search is. EWS cannot tell rooms from people: a mailbox is a {@link #ROOM} when one of the
 * profile's room lists names it, a {@link #USER} otherwise; {@link #EQUIPMENT} only comes through Graph.
 */
public enum MailboxType { ROOM, USER, EQUIPMENT, OTHER }
