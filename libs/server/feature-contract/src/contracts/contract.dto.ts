import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ContractRequest } from '@fleet/shared/contracts';
import { IsCalendarDate, PartialBody, Trim } from '@fleet/server/platform';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** The contract's figures (domain.md §1): fen, basis points, months, days, hours. */
export class ContractBody implements ContractRequest {
  @ApiProperty({ example: '警务通服务合同（2025）' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '且末县公安局', description: '甲方' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  bureau: string;

  @ApiProperty({ example: '中国移动通信集团新疆有限公司巴音郭楞分公司', description: '乙方' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  carrier: string;

  @ApiProperty({ example: '2025-11-20' })
  @IsCalendarDate()
  signedOn: string;

  @ApiProperty({ example: '2025-11-20', description: 'First day of the term' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ example: 36 })
  @IsInt()
  @Min(1)
  @Max(120)
  termMonths: number;

  @ApiProperty({ example: 60 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  simCount: number;

  @ApiProperty({ example: 27250, description: 'Per SIM per month, tax included, fen' })
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  monthlyFeeFen: number;

  @ApiProperty({ example: 9810000, description: 'One installment, fen' })
  @IsInt()
  @Min(1)
  @Max(2_000_000_000)
  installmentFen: number;

  @ApiProperty({ example: 6 })
  @IsInt()
  @Min(1)
  @Max(120)
  installmentCount: number;

  @ApiProperty({ example: '2025-12-10' })
  @IsCalendarDate()
  firstDueOn: string;

  @ApiProperty({ example: 6 })
  @IsInt()
  @Min(1)
  @Max(60)
  installmentIntervalMonths: number;

  @ApiProperty({ example: 30, description: 'Clause 4.8: basis points per overdue day (0.3 % = 30)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  lateRateBp: number;

  @ApiProperty({ example: 100000, description: 'Clause 6.4: fen per overdue day' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  lateDailyFen: number;

  @ApiProperty({ example: 90, description: 'Clause 6.4: days overdue that give the termination right' })
  @IsInt()
  @Min(1)
  @Max(3650)
  terminationDays: number;

  @ApiProperty({ example: 3000, description: 'Clause 6.4: claim on termination, basis points of the total' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  terminationClaimBp: number;

  @ApiProperty({ example: 600, description: 'VAT, basis points (6 % = 600)' })
  @IsInt()
  @Min(0)
  @Max(10_000)
  vatRateBp: number;

  @ApiProperty({ example: 3, description: 'Clause 6.3: hours of one continuous outage that waive its days' })
  @IsInt()
  @Min(1)
  @Max(744)
  slaDayHours: number;

  @ApiProperty({
    example: 72,
    description: "Clause 6.3: hours of outage in a month that waive the month's outage days",
  })
  @IsInt()
  @Min(1)
  @Max(744)
  slaMonthHours: number;

  @ApiProperty({ example: 15 })
  @IsInt()
  @Min(0)
  @Max(365)
  changeNoticeDays: number;

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(0)
  @Max(365)
  terminationNoticeDays: number;
}

export class ContractUpdateBody extends PartialBody(ContractBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}

export class ExposureQuery {
  @ApiPropertyOptional({ example: '2026-03-31', description: 'Today in China by default' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: 'The latest contract by default' })
  @IsOptional()
  @Matches(/^\d{1,9}$/)
  contractId?: string;
}
