package io.calendargateway.device;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** {@code POST /devices}: a name for people, and the rooms the key may read. */
public record DeviceRequest(@NotBlank @Size(max = 200) String name, @NotEmpty @Size(max = 1000) List<String> rooms) {
}
