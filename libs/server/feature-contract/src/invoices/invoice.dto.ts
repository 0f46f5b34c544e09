import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InvoiceRequest } from '@fleet/shared/contracts';
import { IsCalendarDate, PartialBody, Trim } from '@fleet/server/platform';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export class InvoiceBody implements InvoiceRequest {
  @ApiPropertyOptional({ description: 'The latest contract by default' })
  @IsOptional()
  @IsInt()
  contractId?: number;

  @ApiProperty({ example: '65002512345678', description: '发票号码' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  invoiceNo: string;

  @ApiProperty({ example: '2026-04-03' })
  @IsCalendarDate()
  issuedOn: string;

  @ApiProperty({ example: '2026-03', description: 'First month covered' })
  @Matches(PERIOD, { message: '$property must be a month YYYY-MM' })
  fromPeriod: string;

  @ApiProperty({ example: '2026-03', description: 'Last month covered' })
  @Matches(PERIOD, { message: '$property must be a month YYYY-MM' })
  toPeriod: string;

  @ApiProperty({ example: 1635000, description: 'Amount including tax, fen' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  amountFen: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

export class InvoiceUpdateBody extends PartialBody(InvoiceBody) {
  @ApiPropertyOptional({ description: 'Ignored: react-admin sends the record id' })
  @IsOptional()
  @IsInt()
  id?: number;
}
