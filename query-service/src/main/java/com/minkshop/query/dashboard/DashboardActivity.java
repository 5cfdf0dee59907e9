package com.minkshop.query.dashboard;

import com.minkshop.api.dashboard.ActivityItem;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "dashboard_activity")
class DashboardActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String type;
    private String description;

    DashboardActivity(Instant occurredAt, String type, String description) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.description = description;
    }

    ActivityItem toItem() {
        return new ActivityItem(occurredAt, type, description);
    }

    DashboardActivity() {
        // required by JPA
    }
}
