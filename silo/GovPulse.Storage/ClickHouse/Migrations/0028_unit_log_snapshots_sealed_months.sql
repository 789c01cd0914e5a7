-- The live segment (format 3 of unit_log_snapshots.state) names the sealed months it was written
-- beside, "yyyy-MM:sha256" each, so a rebuild reads exactly those rows of unit_sealed_months.
ALTER TABLE unit_log_snapshots ADD COLUMN IF NOT EXISTS sealed_months Array(String) DEFAULT []
