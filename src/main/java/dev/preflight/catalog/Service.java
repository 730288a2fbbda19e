package dev.preflight.catalog;

import java.util.Objects;

/**
 * A Microsoft service that Autopilot depends on, as named on the networking-requirements page.
 *
 * @param id stable identifier used by entries and reports ({@code autopilot-deployment})
 * @param name the display name ({@code Windows Autopilot Deployment Service})
 * @param consequence what happens to Autopilot without it, in one sentence
 */
public record Service(String id, String name, String consequence) {
  public Service {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(consequence, "consequence");
  }
}
