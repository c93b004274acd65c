package dev.aiscan.shell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  static Schedule schedule(String cron, ZoneId zone) {
    return new Schedule("s", cron, Schedule.parse(cron), List.of("sources"), zone);
  }

  @Test
  void fiveFieldCronIsStandardCron() {
    Schedule nightly = schedule("0 2 * * *", PARIS);

    ZonedDateTime next = nightly.next(ZonedDateTime.parse("2026-11-26T19:40:00Z"));

    assertThat(next.toOffsetDateTime()).hasToString("2026-11-27T02:00+01:00");
    assertThat(next.getZone()).isEqualTo(PARIS);
  }

  @Test
  void sixFieldCronHasSecondsFirst() {
    Schedule everyThirtySeconds = schedule("*/30 * * * * *", ZoneId.of("UTC"));

    assertThat(everyThirtySeconds.next(ZonedDateTime.parse("2026-11-26T10:00:10Z")))
        .isEqualTo(ZonedDateTime.parse("2026-11-26T10:00:30Z[UTC]"));
  }

  @Test
  void macrosAreReadInTheSchedulesZone() {
    ZoneId newYork = ZoneId.of("America/New_York");
    Schedule daily = schedule("@daily", newYork);

    // 03:00 UTC is 22:00 on the 25th in New York: the next midnight there is 05:00 UTC
    ZonedDateTime next = daily.next(ZonedDateTime.parse("2026-11-26T03:00:00Z"));

    assertThat(next.toOffsetDateTime()).hasToString("2026-11-26T00:00-05:00");
    assertThat(schedule("@HOURLY", PARIS).next(ZonedDateTime.parse("2026-11-26T10:15:00Z")))
        .isEqualTo(ZonedDateTime.parse("2026-11-26T12:00+01:00[Europe/Paris]"));
  }

  @Test
  void weekdaysAndNamesWorkAsInCron() {
    Schedule weekdays = schedule("30 7 * * MON-FRI", ZoneId.of("UTC"));

    // 2026-11-28 is a Saturday
    assertThat(weekdays.next(ZonedDateTime.parse("2026-11-27T08:00:00Z")))
        .isEqualTo(ZonedDateTime.parse("2026-11-30T07:30Z[UTC]"));
    assertThat(
            schedule("0 0 * * 0", ZoneId.of("UTC"))
                .next(ZonedDateTime.parse("2026-11-27T00:00:00Z")))
        .isEqualTo(ZonedDateTime.parse("2026-11-29T00:00Z[UTC]"));
  }

  @Test
  void aDateThatNeverComesHasNoNextTime() {
    assertThat(schedule("0 0 30 2 *", PARIS).next(ZonedDateTime.now())).isNull();
  }

  @Test
  void badExpressionsSayWhatIsWrong() {
    assertThatThrownBy(() -> Schedule.parse("61 * * * *"))
        .hasMessage("Invalid value for MinuteOfHour (valid values 0 - 59): 61 '61'");
    assertThatThrownBy(() -> Schedule.parse("0 0 1 1 * 2030"))
        .hasMessageContaining("Invalid value for DayOfWeek");
    assertThatThrownBy(() -> Schedule.parse("* * *"))
        .hasMessage(
            "3 fields; expected 5 (minute hour day-of-month month day-of-week) or 6 with seconds"
                + " first");
    assertThatThrownBy(() -> Schedule.parse("")).hasMessageStartingWith("0 fields");
    assertThatThrownBy(() -> Schedule.parse("@reboot")).hasMessageStartingWith("the macros are");
  }
}
