/**
 * Notifications of new shadow AI after a scan: {@link dev.aiscan.shell.notify.ShadowAlert} says
 * what is new, {@link dev.aiscan.shell.notify.Notifier} posts it to a Slack or Teams webhook and
 * appends it to a JSON Lines file, as {@link dev.aiscan.shell.notify.NotificationSettings} say.
 */
package dev.aiscan.shell.notify;
